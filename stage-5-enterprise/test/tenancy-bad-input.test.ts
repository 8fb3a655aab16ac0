import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, startTestServer, type TestServer } from './helpers';
import { acme, as, people, snapshot, type People } from './tenancy';

type World = Awaited<ReturnType<typeof acme>>;
interface Case {
  name: string;
  method: string;
  path: (world: World) => string;
  /** A value is sent as JSON; a string as it is (broken JSON). */
  body?: unknown;
  status: number;
  code: string;
}

const org = (rest = '') => (world: World) => `/api/orgs/${world.org.id}${rest}`;
const member = (world: World) => `/api/orgs/${world.org.id}/members/${world.target.user.id}`;

/** Bad input on every route the tenancy layer adds, sent by Acme's owner (who may do everything). */
const cases: Case[] = [
  { name: 'broken JSON', method: 'POST', path: () => '/api/orgs', body: '{"name":', status: 400, code: 'invalid_json' },
  { name: 'no name', method: 'POST', path: () => '/api/orgs', body: {}, status: 400, code: 'invalid_request' },
  { name: 'empty name', method: 'POST', path: () => '/api/orgs', body: { name: '   ' }, status: 400, code: 'invalid_request' },
  { name: 'name too long', method: 'POST', path: () => '/api/orgs', body: { name: 'x'.repeat(101) }, status: 400, code: 'invalid_request' },
  { name: 'a NUL character in the name', method: 'POST', path: () => '/api/orgs', body: { name: 'Ac\u0000me' }, status: 400, code: 'invalid_request' },
  { name: 'name not text', method: 'POST', path: () => '/api/orgs', body: { name: ['Acme'] }, status: 400, code: 'invalid_request' },
  { name: 'an id that is no uuid', method: 'POST', path: () => "/api/orgs/' OR 1=1 --/activate", status: 404, code: 'not_found' },
  { name: 'unknown role', method: 'PATCH', path: member, body: { role: 'superuser' }, status: 400, code: 'invalid_request' },
  { name: 'no role', method: 'PATCH', path: member, body: {}, status: 400, code: 'invalid_request' },
  { name: 'broken JSON', method: 'PATCH', path: member, body: '{role', status: 400, code: 'invalid_json' },
  { name: 'member id no uuid', method: 'PATCH', path: org('/members/nobody'), body: { role: 'admin' }, status: 404, code: 'not_found' },
  { name: 'member id no uuid', method: 'DELETE', path: org('/members/nobody'), status: 404, code: 'not_found' },
  { name: 'invalid email', method: 'POST', path: org('/invitations'), body: { email: 'not an email', role: 'member' }, status: 400, code: 'invalid_request' },
  { name: 'no email', method: 'POST', path: org('/invitations'), body: { role: 'member' }, status: 400, code: 'invalid_request' },
  { name: 'unknown role', method: 'POST', path: org('/invitations'), body: { email: 'x@example.com', role: 'god' }, status: 400, code: 'invalid_request' },
  { name: 'broken JSON', method: 'POST', path: org('/invitations'), body: 'email=x', status: 400, code: 'invalid_json' },
  { name: 'invitation id no uuid', method: 'DELETE', path: org('/invitations/42'), status: 404, code: 'not_found' },
  { name: 'no token', method: 'POST', path: () => '/api/invitations/accept', body: {}, status: 400, code: 'invalid_request' },
  { name: 'token too long', method: 'POST', path: () => '/api/invitations/accept', body: { token: 'x'.repeat(201) }, status: 400, code: 'invalid_request' },
  { name: 'token not text', method: 'POST', path: () => '/api/invitations/accept', body: { token: 42 }, status: 400, code: 'invalid_request' },
  { name: 'no confirmation', method: 'DELETE', path: org(), body: {}, status: 400, code: 'invalid_request' },
  { name: 'wrong confirmation', method: 'DELETE', path: org(), body: { confirm: 'something else' }, status: 400, code: 'confirmation_mismatch' },
  { name: 'pattern id no uuid', method: 'PUT', path: () => '/api/patterns/42', body: { response: 'x' }, status: 404, code: 'not_found' },
];

/** For test names: the route with its parameters' names. */
const PLACEHOLDERS = { org: { id: ':orgId' }, target: { user: { id: ':userId' } } } as World;

describe.each(ENGINES)('bad input on the tenancy routes on %s: a JSON error, and nothing changed', (engine) => {
  let server: TestServer;
  let who: People;
  let world: World;
  beforeAll(async () => {
    server = await startTestServer({ engine });
    who = await people(server.url);
    world = await acme(server, who);
  });
  afterAll(() => server?.close());

  for (const c of cases) {
    it(`${c.method} ${c.path(PLACEHOLDERS)}: ${c.name} → ${c.status} ${c.code}`, async () => {
      const before = await snapshot(server);
      const owner = as(server.url, who, 'owner', world.org.id);
      const res =
        typeof c.body === 'string'
          ? await fetch(`${server.url}${c.path(world)}`, {
              method: c.method,
              headers: { 'content-type': 'application/json', cookie: who.owner.cookie },
              body: c.body,
            }).then(async (r) => ({ status: r.status, json: await r.json() }))
          : await owner(c.method, c.path(world), c.body);
      expect(res.status).toBe(c.status);
      expect(res.json.error).toMatchObject({ code: c.code, message: expect.any(String) });
      expect(await snapshot(server)).toEqual(before);
    });
  }
});
