import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKeys } from '../src/server/api-keys/api-keys-service';
import { ENGINES, call, startTestServer, withoutRequestId, type TestServer } from './helpers';
import { ACTORS, acme, as, people, snapshot, type Actor, type People } from './tenancy';

describe.each(ENGINES)('onboarding on %s', (engine) => {
  let server: TestServer;
  let who: People;
  beforeAll(async () => {
    server = await startTestServer({ engine });
    who = await people(server.url);
  });
  afterAll(() => server?.close());

  /** A program's first call, as the guide's code makes it: GET /api/v1/ping with the key, no cookie. */
  const useKey = (key: string) => call(server.url, 'GET', '/api/v1/ping', undefined, { headers: { authorization: `Bearer ${key}` } });
  /** Any authenticated use counts too: stage 4's brain routes take keys as well. */
  const useKeyOnBrain = (key: string) => call(server.url, 'GET', '/api/patterns', undefined, { headers: { authorization: `Bearer ${key}` } });
  const firstCall = (actor: Actor, orgId: string, keyId: string | null, wait: number | string = 0) =>
    as(server.url, who, actor)('GET', `/api/orgs/${orgId}/api-keys/${keyId ? `${keyId}/` : ''}first-call?wait=${wait}`);

  describe('"test connection": GET /api/orgs/:orgId/api-keys/:keyId/first-call', () => {
    it('is held until the key is first used, then answers at once, long before the wait is over', async () => {
      const world = await acme(server, who);
      expect((await firstCall('owner', world.org.id, world.apiKey.apiKey.id)).json).toEqual({ called: false, usedAt: null });

      const started = Date.now();
      const waiting = firstCall('owner', world.org.id, world.apiKey.apiKey.id, 20);
      await expect.poll(() => server.server.firstCalls.waiting).toBe(1); // the page's request is held
      expect((await useKey(world.apiKey.key)).status).toBe(200);
      const answer = await waiting;
      expect([answer.status, answer.json]).toEqual([200, { called: true, usedAt: expect.any(String) }]);
      expect(Date.now() - started).toBeLessThan(10_000); // answered by the call, not by the 20 s deadline
      expect(server.server.firstCalls.waiting).toBe(0);
    });

    it('answers "not yet" when the wait is over and nobody called; the page asks again', async () => {
      const world = await acme(server, who);
      const started = Date.now();
      const answer = await firstCall('owner', world.org.id, world.apiKey.apiKey.id, 1);
      expect([answer.status, answer.json]).toEqual([200, { called: false, usedAt: null }]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    });

    it('learns it from the database: a call counted by another instance of the server ends the wait', async () => {
      const world = await acme(server, who);
      const waiting = firstCall('admin', world.org.id, world.apiKey.apiKey.id, 20);
      await expect.poll(() => server.server.firstCalls.waiting).toBe(1);
      // Another process: its own services and memory, the same database. Nothing reaches this one but the row.
      const otherInstance = createApiKeys(server.db, server.server.organizations);
      await otherInstance.authenticate(world.apiKey.key);
      expect((await waiting).json).toEqual({ called: true, usedAt: expect.any(String) });
    });

    it('records the first use at once, though "last used" is written at most once a minute', async () => {
      const world = await acme(server, who);
      // The first of a burst: the next ones fall inside the minute and write nothing.
      await Promise.all([useKeyOnBrain(world.apiKey.key), useKeyOnBrain(world.apiKey.key), useKeyOnBrain(world.apiKey.key)]);
      expect((await firstCall('owner', world.org.id, world.apiKey.apiKey.id)).json.called).toBe(true);
    });

    it('stops reading when the page hangs up', async () => {
      const world = await acme(server, who);
      const hangUp = new AbortController();
      const held = fetch(`${server.url}/api/orgs/${world.org.id}/api-keys/${world.apiKey.apiKey.id}/first-call?wait=20`, {
        headers: { cookie: who.owner.cookie },
        signal: hangUp.signal,
      }).catch((error: Error) => error.name);
      await expect.poll(() => server.server.firstCalls.waiting).toBe(1);
      hangUp.abort();
      expect(await held).toBe('AbortError');
      await expect.poll(() => server.server.firstCalls.waiting).toBe(0);
    });

    it("isolation: another organization's key, an unknown id and a malformed one are the same 404; nothing changes", async () => {
      const world = await acme(server, who);
      const outsiderOrgId: string = (await as(server.url, who, 'outsider')('GET', '/api/orgs')).json.orgs[0].id;
      const before = await snapshot(server);
      // Acme's key through the outsider's own organization (where they are the owner), and Acme itself.
      const throughOwn = await firstCall('outsider', outsiderOrgId, world.apiKey.apiKey.id, 5);
      const unknown = await firstCall('outsider', outsiderOrgId, randomUUID(), 5);
      const malformed = await firstCall('outsider', outsiderOrgId, 'not-a-uuid', 5);
      expect([throughOwn.status, unknown.status, malformed.status]).toEqual([404, 404, 404]);
      expect(withoutRequestId(throughOwn.json)).toEqual(withoutRequestId(unknown.json));
      expect(withoutRequestId(throughOwn.json)).toEqual(withoutRequestId(malformed.json));
      expect((await firstCall('outsider', world.org.id, world.apiKey.apiKey.id, 5)).status).toBe(404);
      expect(await snapshot(server)).toEqual(before);
    });

    it('roles: owners and admins may watch a key; members get 403, other organizations 404, strangers 401', async () => {
      const world = await acme(server, who);
      const got: Record<string, [number, number]> = {};
      for (const actor of ACTORS) {
        got[actor] = [(await firstCall(actor, world.org.id, world.apiKey.apiKey.id)).status, (await firstCall(actor, world.org.id, null)).status];
      }
      expect(got).toEqual({ owner: [200, 200], admin: [200, 200], member: [403, 403], viewer: [403, 403], outsider: [404, 404], anonymous: [401, 401] });
    });

    it('bad input: wait must be whole seconds from 0 to 25', async () => {
      const world = await acme(server, who);
      for (const wait of ['abc', '-1', '26', '1.5']) {
        const res = await firstCall('owner', world.org.id, world.apiKey.apiKey.id, wait);
        expect([wait, res.status, res.json.error.code]).toEqual([wait, 400, 'invalid_request']);
      }
    });
  });

  describe('the dashboard: GET /api/orgs/:orgId/api-keys/first-call (any key)', () => {
    it("says not yet until any of the organization's keys is used, revoked ones included", async () => {
      const world = await acme(server, who);
      const second = await server.server.apiKeys.create(who.admin.user.id, world.org.id, 'second');
      expect((await firstCall('admin', world.org.id, null)).json).toEqual({ called: false, usedAt: null });
      await useKey(second.key);
      await server.server.apiKeys.revoke(who.admin.user.id, world.org.id, second.apiKey.id);
      expect((await firstCall('admin', world.org.id, null)).json).toEqual({ called: true, usedAt: expect.any(String) });
      // Another organization's calls are not Acme's.
      const other = await acme(server, who);
      expect((await firstCall('owner', other.org.id, null)).json.called).toBe(false);
    });
  });

  describe('where each person is in the guide: GET, PUT /api/onboarding', () => {
    it('starts at the welcome step, and keeps what was saved for that person only', async () => {
      const me = await server.signUp();
      const stranger = await server.signUp();
      expect((await me.api('GET', '/api/onboarding')).json).toEqual({ onboarding: { step: 'welcome', status: 'active', orgId: null, keyId: null } });
      const orgId: string = (await me.api('GET', '/api/orgs')).json.activeOrgId;
      const key = (await me.api('POST', `/api/orgs/${orgId}/api-keys`, { name: 'Getting started' })).json.apiKey;
      const skipped = { step: 'install', status: 'skipped', orgId, keyId: key.id };
      expect((await me.api('PUT', '/api/onboarding', skipped)).json).toEqual({ onboarding: skipped });
      expect((await me.api('GET', '/api/onboarding')).json).toEqual({ onboarding: skipped }); // resumed from anywhere
      expect((await stranger.api('GET', '/api/onboarding')).json.onboarding.step).toBe('welcome');
      const done = { ...skipped, step: 'test', status: 'done' };
      expect((await me.api('PUT', '/api/onboarding', done)).status).toBe(200);
      expect((await me.api('GET', '/api/onboarding')).json).toEqual({ onboarding: done });
    });

    it("refuses an organization that is not the person's, or a key that is not the organization's: 404, nothing saved", async () => {
      const world = await acme(server, who);
      const me = await server.signUp();
      const myOrg: string = (await me.api('GET', '/api/orgs')).json.activeOrgId;
      const stored = () => me.api('GET', '/api/onboarding');
      const before = (await stored()).json;
      for (const body of [
        { step: 'key', status: 'active', orgId: world.org.id, keyId: null },
        { step: 'install', status: 'active', orgId: myOrg, keyId: world.apiKey.apiKey.id },
        { step: 'install', status: 'active', orgId: myOrg, keyId: randomUUID() },
      ]) {
        expect((await me.api('PUT', '/api/onboarding', body)).status, JSON.stringify(body)).toBe(404);
      }
      expect((await stored()).json).toEqual(before);
    });

    it('bad input is a 400 that names the field, and nothing is saved', async () => {
      const me = await server.signUp();
      const orgId: string = (await me.api('GET', '/api/orgs')).json.activeOrgId;
      for (const [body, field] of [
        [{ step: 'party', status: 'active', orgId: null, keyId: null }, 'step'],
        [{ step: 'key', status: 'gone', orgId: null, keyId: null }, 'status'],
        [{ step: 'key', status: 'active', orgId: 'acme', keyId: null }, 'orgId'],
        [{ step: 'key', status: 'active', orgId: null, keyId: randomUUID() }, 'orgId'],
        [{ step: 'key', status: 'active', orgId }, 'keyId'],
      ] as const) {
        const res = await me.api('PUT', '/api/onboarding', body);
        expect([res.status, res.json.error.details[0].path]).toEqual([400, field]);
      }
      expect((await me.raw('PUT', '/api/onboarding', '{"step":')).status).toBe(400);
      expect((await me.api('GET', '/api/onboarding')).json.onboarding).toEqual({ step: 'welcome', status: 'active', orgId: null, keyId: null });
      expect((await server.anonymous.api('GET', '/api/onboarding')).status).toBe(401);
    });
  });
});
