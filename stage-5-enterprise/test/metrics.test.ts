import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, onPlan, startTestServer, type TestServer } from './helpers';

const TOKEN = 'metrics-token-for-tests-0123456789';
async function scrape(url: string, authorization?: string) {
  const res = await fetch(`${url}/metrics`, { headers: authorization ? { authorization } : {} });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** The value of one series in Prometheus text, e.g. `http_requests_total{route="/api/chat",…}`. */
function valueOf(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('/metrics', () => {
  let server: TestServer;
  let orgId: string;
  beforeAll(async () => {
    server = await startTestServer({ env: { METRICS_TOKEN: TOKEN } });
    await onPlan(server.url, server.session);
    orgId = (await server.api('GET', '/api/orgs')).json.activeOrgId;
  });
  afterAll(() => server?.close());

  it('is refused without the token, or with a wrong one (401), and answers Prometheus text with it', async () => {
    expect((await scrape(server.url)).status).toBe(401);
    expect((await scrape(server.url, 'Bearer metrics-token-for-tests-0123456788')).status).toBe(401);
    expect((await scrape(server.url, TOKEN)).status).toBe(401); // the scheme too
    const ok = await scrape(server.url, `Bearer ${TOKEN}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(ok.text).toMatch(/^# HELP http_requests_total /m);
    expect(ok.text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(ok.text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
  });

  it('counts requests by route pattern, method and status, never the raw URL', async () => {
    const { json } = await server.api('POST', '/api/patterns', { trigger: 'metrics hello', response: 'hi' });
    expect((await server.api('PUT', `/api/patterns/${json.pattern.id}`, { trigger: 'metrics hello', response: 'hello' })).status).toBe(200);
    expect((await server.api('DELETE', `/api/patterns/${randomUUID()}`)).status).toBe(404);
    const { text } = await scrape(server.url, `Bearer ${TOKEN}`);
    expect(valueOf(text, 'http_requests_total{route="/api/patterns/:id",method="PUT",status="200"}')).toBe(1);
    expect(valueOf(text, 'http_requests_total{route="/api/patterns/:id",method="DELETE",status="404"}')).toBe(1);
    expect(valueOf(text, 'http_request_duration_seconds_count{route="/api/patterns",method="POST",status="201"}')).toBe(1);
    expect(text).not.toContain(json.pattern.id);
  });

  it('50 different unknown URLs make one series, not 50', async () => {
    for (let i = 0; i < 50; i++) expect((await server.anonymous.api('GET', `/no-such-page-${randomUUID()}`)).status).toBe(404);
    const { text } = await scrape(server.url, `Bearer ${TOKEN}`);
    expect(valueOf(text, 'http_requests_total{route="(unmatched)",method="GET",status="404"}')).toBeGreaterThanOrEqual(50);
    expect(text).not.toContain('no-such-page');
    const routes = new Set([...text.matchAll(/^http_requests_total\{route="([^"]*)"/gm)].map((m) => m[1]));
    expect(routes.size).toBeLessThan(15);
  });

  it("times the engine's replies and builds, and counts chats, teaches and API calls, with no organization or user in any label", async () => {
    const before = (await scrape(server.url, `Bearer ${TOKEN}`)).text;
    const replies = valueOf(before, 'journey_engine_reply_seconds_count') ?? 0;
    const builds = valueOf(before, 'journey_engine_build_seconds_count') ?? 0;
    const chats = valueOf(before, 'journey_usage_total{kind="chat"}') ?? 0;
    const teaches = valueOf(before, 'journey_usage_total{kind="teach"}') ?? 0;

    await server.api('POST', '/api/patterns', { trigger: 'counted', response: 'yes' });
    server.server.patterns.engines.invalidate(orgId); // as if this instance had just started: the next chat builds it
    expect((await server.api('POST', '/api/chat', { message: 'counted' })).status).toBe(200);
    expect((await server.api('POST', '/api/chat', { message: 'anything' })).status).toBe(200);
    const { json: created } = await server.api('POST', `/api/orgs/${orgId}/api-keys`, { name: 'metrics' });
    const withKey = { headers: { authorization: `Bearer ${created.key}` } };
    expect((await call(server.url, 'POST', '/api/chat', { message: 'counted' }, withKey)).status).toBe(200);

    const { text } = await scrape(server.url, `Bearer ${TOKEN}`);
    expect(valueOf(text, 'journey_engine_reply_seconds_count')).toBe(replies + 3);
    expect(valueOf(text, 'journey_engine_build_seconds_count')).toBe(builds + 1); // once, then kept
    expect(valueOf(text, 'journey_usage_total{kind="chat"}')).toBe(chats + 3);
    expect(valueOf(text, 'journey_usage_total{kind="teach"}')).toBe(teaches + 1);
    expect(valueOf(text, 'journey_usage_total{kind="api_call"}')).toBe(1);
    for (const id of [orgId, server.session.user.id, server.session.user.email]) expect(text).not.toContain(id);
  });

  it('without METRICS_TOKEN there is no /metrics (404), even with a bearer token', async () => {
    const plain = await startTestServer();
    try {
      expect((await scrape(plain.url)).status).toBe(404);
      expect((await scrape(plain.url, `Bearer ${TOKEN}`)).status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
