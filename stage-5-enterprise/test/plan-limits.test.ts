import { createExport } from '@journey/llm-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_PATTERNS } from '../src/server/examples';
import { ENGINES, onPlan, ownerQuery, ownerValue, startTestServer, type Client, type TestServer } from './helpers';

const numbered = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ trigger: `pattern ${from + i}`, response: `answer ${from + i}` }));

describe.each(ENGINES)('plan limits on %s', (engine) => {
  let server: TestServer;
  let clock = new Date('2026-11-30T23:00:00Z');
  beforeAll(async () => {
    server = await startTestServer({ engine, now: () => clock });
  });
  afterAll(() => server?.close());

  /** A new user: their personal organization, on the free plan, with the examples. */
  async function freshOrg(): Promise<{ user: Client; orgId: string; count: () => Promise<number> }> {
    const user = await server.signUp();
    const orgId: string = (await user.api('GET', '/api/orgs')).json.activeOrgId;
    const count = () => ownerValue<number>(server.db, 'SELECT count(*)::int FROM patterns WHERE org_id = $1', [orgId]);
    return { user, orgId, count };
  }

  it('the free plan keeps 10 patterns: the 11th is a 402 plan_limit with what an upgrade needs, and nothing is saved', async () => {
    const { user, orgId, count } = await freshOrg();
    for (const input of numbered(10 - EXAMPLE_PATTERNS.length)) expect((await user.api('POST', '/api/patterns', input)).status).toBe(201);
    const refused = await user.api('POST', '/api/patterns', { trigger: 'one too many', response: 'no' });
    expect(refused.status).toBe(402);
    expect(refused.json.error).toMatchObject({
      code: 'plan_limit',
      details: { limit: 'patterns', plan: 'free', allowed: 10, used: 10, upgradeUrl: expect.stringMatching(/#billing$/) },
    });
    expect(await count()).toBe(10);
    const usage = (await user.api('GET', `/api/orgs/${orgId}/usage`)).json;
    expect(usage).toMatchObject({ plan: 'free', limits: { patterns: 10, chatsPerMonth: 100 }, used: { patterns: 10, teaches: 10 - EXAMPLE_PATTERNS.length } });
  });

  it('an import that would cross the limit is refused whole', async () => {
    const { user, count } = await freshOrg();
    const res = await user.api('POST', '/api/import', createExport(numbered(6)));
    expect([res.status, res.json.error.details.limit]).toEqual([402, 'patterns']);
    expect(await count()).toBe(EXAMPLE_PATTERNS.length);
    expect((await user.api('POST', '/api/import', createExport(numbered(5)))).json).toEqual({ imported: 5 });
  });

  it('with 99 of 100 chats used, 20 parallel chats let exactly one through', async () => {
    const { user, orgId } = await freshOrg();
    await ownerQuery(server.db, "INSERT INTO usage_counters (org_id, period, kind, count) VALUES ($1, '2026-11-01', 'chat', 99)", [orgId]);
    const answers = await Promise.all(Array.from({ length: 20 }, () => user.api('POST', '/api/chat', { message: 'hello' })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, ...Array(19).fill(402)]);
    expect(answers.find((a) => a.status === 402)!.json.error.details).toMatchObject({ limit: 'chats_per_month', allowed: 100, used: 100 });
    expect((await user.api('GET', `/api/orgs/${orgId}/usage`)).json.used.chats).toBe(100);
  });

  it('a new month starts with no chats counted', async () => {
    const { user, orgId } = await freshOrg();
    await ownerQuery(server.db, "INSERT INTO usage_counters (org_id, period, kind, count) VALUES ($1, '2026-11-01', 'chat', 100)", [orgId]);
    expect((await user.api('POST', '/api/chat', { message: 'hello' })).status).toBe(402);
    clock = new Date('2026-12-01T00:00:01Z');
    try {
      expect((await user.api('POST', '/api/chat', { message: 'hello' })).status).toBe(200);
      expect((await user.api('GET', `/api/orgs/${orgId}/usage`)).json).toMatchObject({ period: '2026-12-01', used: { chats: 1 } });
    } finally {
      clock = new Date('2026-11-30T23:00:00Z');
    }
  });

  it('each chat is recorded with its tokens (message and reply)', async () => {
    const { user, orgId } = await freshOrg();
    await user.api('POST', '/api/chat', { message: 'hello there my friend' });
    await server.server.limits.writeUsage(); // the event is written a second at a time (usage-batches.ts)
    const [event] = await ownerQuery<{ kind: string; tokens: number; user_id: string }>(server.db, "SELECT kind, tokens, user_id FROM usage_events WHERE org_id = $1 AND kind = 'chat'", [orgId]);
    expect(event).toMatchObject({ kind: 'chat', user_id: user.session!.user.id });
    expect(event!.tokens).toBeGreaterThan(4);
  });

  it('downgrading keeps every pattern but blocks new ones until the organization is under the limit', async () => {
    const { user, orgId, count } = await freshOrg();
    await onPlan(server.url, user.session!, 'pro');
    await user.api('POST', '/api/import', createExport(numbered(7)));
    await onPlan(server.url, user.session!, 'free');
    expect(await count()).toBe(12);
    expect((await user.api('POST', '/api/patterns', { trigger: 'new', response: 'no' })).status).toBe(402);
    const { patterns } = (await user.api('GET', '/api/patterns')).json;
    for (const p of patterns.slice(0, 3)) expect((await user.api('DELETE', `/api/patterns/${p.id}`)).status).toBe(204);
    expect((await user.api('POST', '/api/patterns', { trigger: 'new', response: 'yes' })).status).toBe(201);
    expect((await user.api('GET', `/api/orgs/${orgId}/usage`)).json.plan).toBe('free');
  });

  it('only owners change the plan; every member sees the plan and usage', async () => {
    const { user, orgId } = await freshOrg();
    const colleague = await server.signUp();
    const invite = await user.api('POST', `/api/orgs/${orgId}/invitations`, { email: colleague.session!.user.email, role: 'admin' });
    const token = new URL(invite.json.link).hash.slice(1); // /invite#<token>
    expect((await colleague.api('POST', '/api/invitations/accept', { token })).status).toBe(200);
    for (const [path, body] of [['billing/demo', { plan: 'pro' }], ['billing/checkout', { plan: 'pro' }], ['billing/portal', undefined]] as const) {
      const res = await colleague.api('POST', `/api/orgs/${orgId}/${path}`, body);
      expect([path, res.status, res.json.error.code]).toEqual([path, 403, 'forbidden']);
    }
    expect((await colleague.api('GET', `/api/orgs/${orgId}/usage`)).json.plan).toBe('free');
    expect((await server.anonymous.api('GET', `/api/orgs/${orgId}/usage`)).status).toBe(401);
    const stranger = await server.signUp();
    expect((await stranger.api('GET', `/api/orgs/${orgId}/usage`)).status).toBe(404);
  });

  it('demo billing: the owner changes the plan with no card, and the limit moves with it', async () => {
    const { user, orgId, count } = await freshOrg();
    expect((await user.api('POST', `/api/orgs/${orgId}/billing/checkout`, { plan: 'pro' })).json.url).toMatch(/#billing-demo=pro$/);
    await onPlan(server.url, user.session!, 'pro');
    expect((await user.api('POST', '/api/import', createExport(numbered(6)))).json).toEqual({ imported: 6 });
    expect(await count()).toBe(11);
    expect((await user.api('GET', `/api/orgs/${orgId}/usage`)).json).toMatchObject({ plan: 'pro', billing: 'demo', limits: { patterns: 1000 } });
  });
});
