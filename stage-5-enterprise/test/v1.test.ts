import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, PASSWORD, call, ownerQuery, startTestServer, type TestServer } from './helpers';
import { snapshot } from './tenancy';
import { otherWorld, v1World, type KeyClient } from './v1-world';

describe.each(ENGINES)('/api/v1 with an organization API key on %s', (engine) => {
  let server: TestServer;
  let v1: KeyClient;
  let orgId: string;
  beforeAll(async () => {
    server = await startTestServer({ engine });
    ({ v1, orgId } = await v1World(server));
  });
  afterAll(() => server?.close());

  it("ping answers ok with the key's organization", async () => {
    const res = await v1('GET', '/ping');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ ok: true, organization: { id: orgId, name: expect.any(String), slug: expect.any(String), plan: 'free' } });
  });

  it('creates, reads, changes, lists and deletes a pattern', async () => {
    const created = await v1('POST', '/patterns', { trigger: 'deploy status', response: 'green' });
    expect(created.status).toBe(201);
    const { pattern } = created.json;
    expect(pattern).toMatchObject({ trigger: 'deploy status', response: 'green', createdBy: { email: server.session.user.email } });

    expect((await v1('GET', `/patterns/${pattern.id}`)).json).toEqual({ pattern });
    const changed = await v1('PATCH', `/patterns/${pattern.id}`, { response: 'all green' });
    expect([changed.status, changed.json.pattern.response, changed.json.pattern.trigger]).toEqual([200, 'all green', 'deploy status']);
    // The page's API sees the same brain.
    expect((await server.api('GET', '/api/patterns')).json.patterns.map((p: { id: string }) => p.id)).toContain(pattern.id);

    const deleted = await v1('DELETE', `/patterns/${pattern.id}`);
    expect([deleted.status, deleted.text]).toEqual([204, '']);
    expect((await v1('GET', `/patterns/${pattern.id}`)).status).toBe(404);
  });

  it('lists a page at a time: nextCursor leads through every pattern once, then null', async () => {
    for (const n of [1, 2, 3]) await v1('POST', '/patterns', { trigger: `page ${n}`, response: `${n}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await v1('GET', `/patterns?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.json.patterns.map((p: { trigger: string }) => p.trigger));
      cursor = res.json.nextCursor;
      pages++;
    } while (cursor);
    expect(seen.filter((t) => t.startsWith('page '))).toEqual(['page 3', 'page 2', 'page 1']); // newest first
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages).toBeGreaterThanOrEqual(2);
  });

  it('chats with what was taught, and usage counts the calls', async () => {
    await v1('POST', '/patterns', { trigger: 'who are you', response: 'a bot' });
    const chat = await v1('POST', '/chat', { message: 'who are you' });
    expect([chat.status, chat.json.reply.text]).toEqual([200, 'a bot']);
    const usage = await v1('GET', '/usage');
    expect(usage.status).toBe(200);
    expect(usage.json).toMatchObject({ plan: 'free', limits: { patterns: 10, chatsPerMonth: 100 }, period: expect.stringMatching(/^\d{4}-\d{2}-01$/) });
    expect(usage.json.used.chats).toBeGreaterThanOrEqual(1);
    expect(usage.json.used.apiCalls).toBeGreaterThanOrEqual(5);
  });

  it('serves its OpenAPI document to anyone, and answers unknown v1 paths with a JSON 404', async () => {
    const doc = await call(server.url, 'GET', '/api/v1/openapi.json');
    expect([doc.status, doc.json.openapi]).toEqual([200, '3.1.0']);
    const nowhere = await v1('GET', '/nowhere');
    expect([nowhere.status, nowhere.json.error.code]).toEqual([404, 'not_found']);
  });
});

describe.each(ENGINES)('/api/v1 refuses anything but a key, on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ engine });
  });
  afterAll(() => server?.close());

  it('a session cookie, a sign-in token or nothing → 401 api_key_required, which says to send a key', async () => {
    const before = (await server.api('GET', '/api/patterns')).json;
    const { token } = (await call(server.url, 'POST', '/api/auth/token', { email: server.session.user.email, password: PASSWORD })).json;
    const answers = [
      await call(server.url, 'GET', '/api/v1/patterns', undefined, { session: server.session }),
      await call(server.url, 'POST', '/api/v1/patterns', { trigger: 'a', response: 'b' }, { session: server.session }),
      await call(server.url, 'GET', '/api/v1/ping', undefined, { headers: { authorization: `Bearer ${token}` } }),
      await call(server.url, 'GET', '/api/v1/usage'),
    ];
    for (const res of answers) {
      expect(res.status).toBe(401);
      expect(res.json.error).toMatchObject({ code: 'api_key_required', requestId: res.headers.get('x-request-id') });
      expect(res.json.error.message).toContain('Authorization: Bearer jrny_sk_');
    }
    expect((await server.api('GET', '/api/patterns')).json).toEqual(before); // the cookie's POST taught nothing
  });

  it('an unknown or revoked key → 401 unauthorized', async () => {
    const res = await call(server.url, 'GET', '/api/v1/ping', undefined, { headers: { authorization: `Bearer jrny_sk_${'A'.repeat(43)}` } });
    expect([res.status, res.json.error.code]).toEqual([401, 'unauthorized']);
  });
});

describe.each(ENGINES)('/api/v1 follows the plan and the platform as stage 4 does, on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ engine });
  });
  afterAll(() => server?.close());

  it("the free plan's 11th pattern → 402 plan_limit; a suspended organization's chat → 403 suspended", async () => {
    const { v1, orgId } = await v1World(server);
    const { used, limits } = (await v1('GET', '/usage')).json; // a new organization starts with a few examples
    for (let n = used.patterns + 1; n <= limits.patterns; n++) expect((await v1('POST', '/patterns', { trigger: `t${n}`, response: 'r' })).status).toBe(201);
    const over = await v1('POST', '/patterns', { trigger: 't11', response: 'r' });
    expect([over.status, over.json.error.code, over.json.error.details.plan]).toEqual([402, 'plan_limit', 'free']);

    await ownerQuery(server.db, "UPDATE organizations SET suspended_at = now(), suspend_reason = 'unpaid' WHERE id = $1", [orgId]);
    const chat = await v1('POST', '/chat', { message: 'hello' });
    expect([chat.status, chat.json.error.code]).toEqual([403, 'suspended']);
  });

  it("another organization's key cannot read, change or delete this organization's patterns by id", async () => {
    const { v1 } = await v1World(server);
    await ownerQuery(server.db, 'UPDATE organizations SET suspended_at = NULL'); // the test above suspended it
    const mine = (await server.api('GET', '/api/patterns?limit=1')).json.patterns[0];
    const them = await otherWorld(server);
    await them.v1('GET', '/ping'); // its first use writes "last used": before the snapshot
    const before = await snapshot(server);
    const answers = [
      await them.v1('GET', `/patterns/${mine.id}`),
      await them.v1('PATCH', `/patterns/${mine.id}`, { response: 'stolen' }),
      await them.v1('DELETE', `/patterns/${mine.id}`),
    ];
    expect(answers.map((a) => [a.status, a.json.error.code])).toEqual(Array(3).fill([404, 'not_found']));
    expect((await them.v1('GET', '/patterns')).json.patterns.map((p: { id: string }) => p.id)).not.toContain(mine.id);
    expect(await snapshot(server)).toEqual(before);
    expect((await v1('GET', `/patterns/${mine.id}`)).json.pattern).toEqual(mine);
  });
});
