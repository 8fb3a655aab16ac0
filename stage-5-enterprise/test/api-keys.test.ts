import { createExport } from '@journey/llm-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKeys } from '../src/server/api-keys/api-keys-service';
import { ENGINES, call, ownerQuery, ownerValue, startTestServer, type TestServer } from './helpers';
import { acme, people, snapshot, type People } from './tenancy';

describe.each(ENGINES)('organization API keys on %s', (engine) => {
  let server: TestServer;
  let who: People;
  let clock = new Date();
  beforeAll(async () => {
    server = await startTestServer({ engine, now: () => clock });
    who = await people(server.url);
  });
  afterAll(() => server?.close());

  /** Calls with a key and no cookie, as a program would. */
  const withKey = (key: string) => (method: string, path: string, body?: unknown) =>
    call(server.url, method, path, body, { headers: { authorization: `Bearer ${key}` } });

  it('a key is jrny_sk_ + 43 base62 characters, shown once; the list shows prefix, name, creator, created, last used', async () => {
    const world = await acme(server, who);
    const { key, apiKey } = world.apiKey;
    expect(key).toMatch(/^jrny_sk_[0-9A-Za-z]{43}$/);
    expect(apiKey).toMatchObject({ name: 'Acme CI', prefix: key.slice(0, 12), createdBy: who.owner.user.email, lastUsedAt: null, revokedAt: null });
    const listed = await call(server.url, 'GET', `/api/orgs/${world.org.id}/api-keys`, undefined, { session: who.owner });
    expect(listed.json.apiKeys).toEqual([apiKey]);
    expect(listed.text).not.toContain(key);
  });

  it('teaches, lists, imports and chats for its organization with no cookie, counted as api_call usage', async () => {
    const world = await acme(server, who);
    const api = withKey(world.apiKey.key);
    const taught = await api('POST', '/api/patterns', { trigger: 'deploy status', response: 'green' });
    expect([taught.status, taught.json.pattern.createdBy.email]).toEqual([201, who.owner.user.email]);
    expect((await api('POST', '/api/chat', { message: 'deploy status' })).json.reply.text).toBe('green');
    expect((await api('POST', '/api/import', createExport([{ trigger: 'from ci', response: 'yes' }]))).json).toEqual({ imported: 1 });
    expect((await api('GET', '/api/patterns')).json.patterns.map((p: { trigger: string }) => p.trigger)).toContain('acme secret');
    const usage = await call(server.url, 'GET', `/api/orgs/${world.org.id}/usage`, undefined, { session: who.owner, headers: { cookie: `${who.owner.cookie}; org=${world.org.id}` } });
    expect(usage.json.used.apiCalls).toBe(4);
  });

  it('the key is nowhere in the database in plaintext (every row of every table)', async () => {
    const world = await acme(server, who);
    await withKey(world.apiKey.key)('POST', '/api/chat', { message: 'hello' });
    const tables = await ownerQuery<{ name: string }>(server.db, "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'");
    expect(tables.length).toBeGreaterThan(10);
    const secret = world.apiKey.key.slice(12); // past the stored prefix
    for (const { name } of tables) {
      const found = await ownerValue<number>(server.db, `SELECT count(*)::int FROM "${name}" t WHERE t::text LIKE '%' || $1 || '%'`, [secret]);
      expect(found, name).toBe(0);
    }
  });

  it('revoked, unknown and malformed keys all get the same 401, at once', async () => {
    const world = await acme(server, who);
    const api = withKey(world.apiKey.key);
    expect((await api('POST', '/api/chat', { message: 'hi' })).status).toBe(200);
    expect((await call(server.url, 'DELETE', `/api/orgs/${world.org.id}/api-keys/${world.apiKey.apiKey.id}`, undefined, { session: who.owner })).status).toBe(204);
    const answers = [
      await api('POST', '/api/chat', { message: 'hi' }),
      await withKey(`jrny_sk_${'A'.repeat(43)}`)('POST', '/api/chat', { message: 'hi' }),
      await withKey('jrny_sk_short')('POST', '/api/chat', { message: 'hi' }),
    ];
    expect(answers.map((a) => [a.status, a.json.error.message])).toEqual(Array(3).fill([401, 'This API key is not valid (unknown or revoked).']));
  });

  it("a key never reaches another organization's rows: every id route answers 404, nothing changes", async () => {
    const acmeWorld = await acme(server, who);
    const other = await server.signUp();
    const otherOrg: string = (await other.api('GET', '/api/orgs')).json.activeOrgId;
    const theirs = (await other.api('POST', '/api/patterns', { trigger: 'globex secret', response: 'hidden' })).json.pattern;
    const api = withKey(acmeWorld.apiKey.key);
    await api('GET', '/api/patterns'); // its first use writes "last used": before the snapshot
    const before = await snapshot(server);
    expect((await api('PUT', `/api/patterns/${theirs.id}`, { response: 'stolen' })).status).toBe(404);
    expect((await api('DELETE', `/api/patterns/${theirs.id}`)).status).toBe(404);
    expect((await api('POST', '/api/chat', { message: 'globex secret' })).json.reply.patternId).toBeNull();
    expect((await api('GET', '/api/patterns')).json.patterns.map((p: { id: string }) => p.id)).not.toContain(theirs.id);
    expect((await api('GET', `/api/orgs/${otherOrg}/members`)).status).toBe(403);
    expect(await snapshot(server)).toEqual(before);
  });

  it('a key gets 403 on organization, billing, key and admin routes', async () => {
    const world = await acme(server, who);
    const api = withKey(world.apiKey.key);
    for (const [method, path, body] of [
      ['GET', '/api/orgs'],
      ['GET', `/api/orgs/${world.org.id}/usage`],
      ['POST', `/api/orgs/${world.org.id}/billing/checkout`, { plan: 'pro' }],
      ['POST', `/api/orgs/${world.org.id}/billing/demo`, { plan: 'enterprise' }],
      ['GET', `/api/orgs/${world.org.id}/api-keys`],
      ['POST', `/api/orgs/${world.org.id}/api-keys`, { name: 'escalate' }],
      ['GET', '/api/admin/orgs'],
      ['POST', '/api/support', { message: 'hi' }],
    ] as const) {
      const res = await api(method, path, body);
      expect([path, res.status, res.json.error.code]).toEqual([path, 403, 'forbidden']);
    }
  });

  it('"last used" is written at most once a minute per key', async () => {
    const world = await acme(server, who);
    const api = withKey(world.apiKey.key);
    const lastUsed = () => ownerValue<Date | null>(server.db, 'SELECT last_used_at FROM api_keys WHERE id = $1', [world.apiKey.apiKey.id]);
    await api('POST', '/api/chat', { message: 'one' });
    const first = await lastUsed();
    expect(first).not.toBeNull();
    for (let i = 0; i < 5; i++) {
      clock = new Date(clock.getTime() + 10_000); // within the minute; a write would show as a new time
      await api('POST', '/api/chat', { message: 'again' });
    }
    expect(await lastUsed()).toEqual(first);
    // Another process knows nothing of this one's memory: the SQL guard alone stops its write.
    await createApiKeys(server.db, server.server.organizations, { now: () => clock }).authenticate(world.apiKey.key);
    expect(await lastUsed()).toEqual(first);
    clock = new Date(clock.getTime() + 61_000);
    await api('POST', '/api/chat', { message: 'a minute later' });
    expect((await lastUsed())!.getTime()).toBe(clock.getTime());
  });

  it('a key stops working when the person who made it leaves the organization', async () => {
    const world = await acme(server, who);
    const made = await call(server.url, 'POST', `/api/orgs/${world.org.id}/api-keys`, { name: 'admin key' }, { session: who.admin });
    const api = withKey(made.json.key);
    expect((await api('POST', '/api/chat', { message: 'hi' })).status).toBe(200);
    expect((await call(server.url, 'DELETE', `/api/orgs/${world.org.id}/members/${who.admin.user.id}`, undefined, { session: who.owner })).status).toBe(204);
    expect((await api('POST', '/api/chat', { message: 'hi' })).status).toBe(401);
  });

  it('bad input: a missing, empty or too long name is a 400 and no key is made', async () => {
    const world = await acme(server, who);
    const count = () => ownerValue<number>(server.db, 'SELECT count(*)::int FROM api_keys WHERE org_id = $1', [world.org.id]);
    const before = await count();
    for (const body of [{}, { name: '' }, { name: '   ' }, { name: 'x'.repeat(101) }, { name: 42 }, 'not json']) {
      const res = await call(server.url, 'POST', `/api/orgs/${world.org.id}/api-keys`, body, { session: who.owner, raw: typeof body === 'string' });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect(await count()).toBe(before);
    expect((await call(server.url, 'DELETE', `/api/orgs/${world.org.id}/api-keys/not-a-uuid`, undefined, { session: who.owner })).status).toBe(404);
  });
});
