import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, onPlan, startTestServer, withoutRequestId, type TestServer } from './helpers';
import { keyClient } from './v1-world';
import { routeTable, type RouteEntry } from './route-table';
import { acme, as, people, snapshot, type People } from './tenancy';

/** A body every route accepts (unknown fields are ignored), so a refusal is about the ids, not the body. */
const bodyFor = (method: string, orgName: string) =>
  method === 'GET'
    ? undefined
    : {
        trigger: 'fuzz',
        response: 'fuzz',
        role: 'member',
        confirm: orgName,
        email: 'eve@example.com',
        domain: 'example.com',
        userId: '00000000-0000-4000-8000-000000000000',
        name: 'Fuzz',
        message: 'hi',
        plan: 'pro',
        reason: 'fuzz',
        issuer: 'https://login.example.com',
        clientId: 'fuzz',
        clientSecret: 'fuzz',
        emailDomain: 'fuzz.example',
      };

describe.each(ENGINES)("isolation fuzz on %s: a member of another organization tries Acme's ids on every route", (engine) => {
  let server: TestServer;
  let who: People;
  let world: Awaited<ReturnType<typeof acme>>;
  let routes: RouteEntry[];
  let outsiderOrgId: string;
  let outsiderKey: string;
  beforeAll(async () => {
    server = await startTestServer({ engine });
    who = await people(server.url);
    world = await acme(server, who);
    routes = routeTable(server.server.app).filter((route) => route.path.includes('/:'));
    outsiderOrgId = (await as(server.url, who, 'outsider')('GET', '/api/orgs')).json.orgs[0].id;
    // The public API takes keys, not cookies: there the outsider calls with their own organization's key,
    // on the enterprise plan: the fuzz makes more calls than a free key's 60 a minute.
    await onPlan(server.url, who.outsider, 'enterprise');
    outsiderKey = (await server.server.apiKeys.create(who.outsider.user.id, outsiderOrgId, 'fuzz')).key;
    await keyClient(server.url, outsiderKey)('GET', '/ping'); // its first use writes "last used": before the snapshot
  });
  afterAll(() => server?.close());

  it('finds the routes with ids in the app itself', () => {
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining(['PUT /api/patterns/:id', 'DELETE /api/orgs/:orgId/invitations/:id', 'PATCH /api/orgs/:orgId/members/:userId', 'PATCH /api/v1/patterns/:id']),
    );
    expect(routes.length).toBeGreaterThanOrEqual(9);
  });

  it('every attempt answers 404 or 403, like an id that never existed, and the database is unchanged', async () => {
    // Each kind of Acme's tenant ids, tried in every id slot; a random uuid is the "never existed" control.
    const acmeIds = {
      pattern: world.pattern.id,
      member: world.target.user.id,
      owner: who.owner.user.id,
      invitation: world.invitation.id,
      apiKey: world.apiKey.apiKey.id,
      ticket: world.ticketId,
    };
    const before = await snapshot(server);
    const withCookie = as(server.url, who, 'outsider', world.org.id); // the cookie even names Acme: it must not count
    const withKey = keyClient(server.url, outsiderKey);
    let tried = 0;
    for (const route of routes) {
      const hasOtherId = /:(id|userId|keyId|ticketId)\b/.test(route.path);
      // Acme's organization id; and the outsider's own with Acme's other ids (a foreign row through one's own door).
      const orgIds = hasOtherId ? [world.org.id, outsiderOrgId] : [world.org.id];
      for (const orgId of orgIds) {
        for (const [kind, id] of hasOtherId ? Object.entries(acmeIds) : [['org', '']]) {
          const outsider = route.path.startsWith('/api/v1/') ? (method: string, path: string, body?: unknown) => withKey(method, path.slice('/api/v1'.length), body) : withCookie;
          const path = (value: string) => route.path.replace(':orgId', orgId).replace(/:(id|userId|keyId|ticketId)\b/, value);
          const res = await outsider(route.method, path(id!), bodyFor(route.method, world.org.name));
          const control = await outsider(route.method, path(randomUUID()), bodyFor(route.method, world.org.name));
          const what = `${route.method} ${path(id!)} (${kind} id, org ${orgId === world.org.id ? 'Acme' : 'own'})`;
          expect([403, 404], `${what}: ${res.text}`).toContain(res.status);
          if (hasOtherId) expect(withoutRequestId(res.json), what).toEqual(withoutRequestId(control.json)); // no tell whether the id exists
          tried++;
        }
      }
    }
    expect(await snapshot(server)).toEqual(before);
    expect(tried).toBeGreaterThan(30);
  });

  it("Acme's members still see Acme as it was (the snapshot's premise: Acme has rows to lose)", async () => {
    const list = await as(server.url, who, 'member', world.org.id)('GET', '/api/patterns');
    expect(list.json.patterns.map((p: { id: string }) => p.id)).toContain(world.pattern.id);
  });
});
