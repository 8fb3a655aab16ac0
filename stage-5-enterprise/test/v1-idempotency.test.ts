import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintOf } from '../src/server/idempotency/idempotency';
import { ENGINES, ownerQuery, ownerValue, startTestServer, type TestServer } from './helpers';
import { otherWorld, v1World, type KeyClient } from './v1-world';

describe.each(ENGINES)('Idempotency-Key on /api/v1 POSTs, on %s', (engine) => {
  let server: TestServer;
  let v1: KeyClient;
  beforeAll(async () => {
    server = await startTestServer({ engine, plan: 'enterprise' });
    ({ v1 } = await v1World(server));
  });
  afterAll(() => server?.close());

  const withKey = (key: string) => ({ 'idempotency-key': key });
  const countOf = (trigger: string) => ownerValue<number>(server.db, 'SELECT count(*)::int FROM patterns WHERE trigger = $1', [trigger]);

  it('a retry with the same key and body replays the first answer (status, body, Idempotent-Replayed) and teaches once', async () => {
    const key = randomUUID();
    const first = await v1('POST', '/patterns', { trigger: 'retry me', response: 'once' }, withKey(key));
    const again = await v1('POST', '/patterns', { trigger: 'retry me', response: 'once' }, withKey(key));
    expect([first.status, first.headers.get('idempotent-replayed')]).toEqual([201, null]);
    expect([again.status, again.headers.get('idempotent-replayed')]).toEqual([201, 'true']);
    expect(again.json).toEqual(first.json);
    expect(await countOf('retry me')).toBe(1);
  });

  it('chat replays too: the same reply, counted once', async () => {
    const key = randomUUID();
    const chats = async () => {
      await server.server.limits.writeUsage(); // events are written a second at a time (usage-batches.ts)
      return ownerValue<number>(server.db, "SELECT count(*)::int FROM usage_events WHERE kind = 'chat'");
    };
    const before = await chats();
    const first = await v1('POST', '/chat', { message: 'hello' }, withKey(key));
    const again = await v1('POST', '/chat', { message: 'hello' }, withKey(key));
    expect([again.status, again.headers.get('idempotent-replayed'), again.json]).toEqual([200, 'true', first.json]);
    expect(await chats()).toBe(before + 1);
  });

  it('the same key with another body, or on another route → 422 idempotency_key_reused, nothing taught', async () => {
    const key = randomUUID();
    await v1('POST', '/patterns', { trigger: 'first body', response: 'a' }, withKey(key));
    const other = await v1('POST', '/patterns', { trigger: 'second body', response: 'b' }, withKey(key));
    const elsewhere = await v1('POST', '/chat', { message: 'first body' }, withKey(key));
    for (const res of [other, elsewhere]) {
      expect([res.status, res.json.error.code]).toEqual([422, 'idempotency_key_reused']);
      expect(res.json.error.requestId).toEqual(res.headers.get('x-request-id'));
    }
    expect(await countOf('second body')).toBe(0);
  });

  it('two identical requests at once teach one pattern: the other is replayed or told to wait (409)', async () => {
    const key = randomUUID();
    const body = { trigger: 'at once', response: 'one' };
    const answers = await Promise.all([1, 2, 3].map(() => v1('POST', '/patterns', body, withKey(key))));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    for (const res of answers) {
      if (res.status === 409) expect(res.json.error.code).toBe('idempotency_in_progress');
      else expect(res.json).toEqual(answers.find((a) => a.status === 201)!.json);
    }
    expect(await countOf('at once')).toBe(1);
    // Once the first is done, a retry gets its answer.
    expect((await v1('POST', '/patterns', body, withKey(key))).headers.get('idempotent-replayed')).toBe('true');
  });

  it('a failed request keeps nothing: its retry with the same key runs again', async () => {
    const key = randomUUID();
    const refused = await v1('POST', '/chat', { message: '' }, withKey(key)); // 400 before the key is taken
    const taught = await v1('POST', '/patterns', { trigger: 'after a failure', response: 'ok' }, withKey(key));
    expect([refused.status, taught.status, taught.headers.get('idempotent-replayed')]).toEqual([400, 201, null]);
  });

  it('after 24 hours a key is forgotten (and its row deleted): the same key teaches again', async () => {
    const key = randomUUID();
    await v1('POST', '/patterns', { trigger: 'old key', response: '1' }, withKey(key));
    await ownerQuery(server.db, "UPDATE idempotency_keys SET created_at = now() - interval '24 hours 1 minute' WHERE key = $1", [key]);
    const later = await v1('POST', '/patterns', { trigger: 'new use of an old key', response: '2' }, withKey(key));
    expect([later.status, later.headers.get('idempotent-replayed')]).toEqual([201, null]);
    expect(await ownerValue<number>(server.db, "SELECT count(*)::int FROM idempotency_keys WHERE created_at < now() - interval '24 hours'")).toBe(0);
  });

  it('a first request that never answered (the server stopped) frees its key after a minute', async () => {
    const key = randomUUID();
    const body = { trigger: 'interrupted', response: 'try again' };
    const orgId: string = (await v1('GET', '/ping')).json.organization.id;
    // What a crash between taking the key and answering leaves behind: a row with no answer.
    await ownerQuery(server.db, 'INSERT INTO idempotency_keys (org_id, key, fingerprint) VALUES ($1, $2, $3)', [orgId, key, fingerprintOf('POST', '/api/v1/patterns', body)]);
    expect((await v1('POST', '/patterns', body, withKey(key))).status).toBe(409);
    await ownerQuery(server.db, "UPDATE idempotency_keys SET created_at = now() - interval '61 seconds' WHERE key = $1", [key]);
    expect((await v1('POST', '/patterns', body, withKey(key))).status).toBe(201);
  });

  it('keys are per organization: another organization using the same key gets its own answer', async () => {
    const key = randomUUID();
    const mine = await v1('POST', '/patterns', { trigger: 'shared key', response: 'mine' }, withKey(key));
    const them = await otherWorld(server);
    const theirs = await them.v1('POST', '/patterns', { trigger: 'shared key', response: 'mine' }, withKey(key));
    expect([theirs.status, theirs.headers.get('idempotent-replayed')]).toEqual([201, null]);
    expect(theirs.json.pattern.id).not.toBe(mine.json.pattern.id);
  });

  it('a bad key is refused with 400 before anything happens: empty, too long, with spaces or control characters', async () => {
    for (const key of [' ', 'x'.repeat(256), 'two words', 'tab\there']) {
      const res = await v1('POST', '/patterns', { trigger: 'bad key', response: 'no' }, withKey(key));
      expect([res.status, res.json.error.code], JSON.stringify(key)).toEqual([400, 'invalid_request']);
      expect(res.json.error.message).toContain('Idempotency-Key');
    }
    expect(await countOf('bad key')).toBe(0);
  });
});
