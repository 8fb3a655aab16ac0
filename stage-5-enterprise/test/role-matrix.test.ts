import { randomBytes } from 'node:crypto';
import { createExport } from '@journey/llm-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, startTestServer, type TestServer } from './helpers';
import { ROLE_MATRIX, matrixAsMarkdown, type MatrixRow } from './role-matrix';
import { ACTORS, acme, as, people, type Actor, type People } from './tenancy';

/** A body each route accepts, built for the cell (names, ids and tokens of this cell's Acme). */
function bodyFor(row: MatrixRow, world: Awaited<ReturnType<typeof acme>>, acceptToken: string): unknown {
  if (row.method === 'GET') return undefined;
  if (row.path === '/api/orgs') return { name: 'Initech' };
  if (row.path === '/api/orgs/:orgId') return { confirm: world.org.name };
  if (row.path.endsWith('/members/:userId') && row.method === 'PATCH') return { role: 'admin' };
  if (row.path.endsWith('/domain-invitations')) return { domain: `${randomBytes(3).toString('hex')}.example.com`, role: 'member' };
  if (row.path.endsWith('/ownership-transfer') && row.method === 'POST') return { userId: world.target.user.id };
  if (row.path.endsWith('/invitations') && row.method === 'POST') return { email: `new-${randomBytes(3).toString('hex')}@example.com`, role: 'member' };
  if (row.path === '/api/invitations/accept') return { token: acceptToken };
  if (row.path.startsWith('/api/patterns')) return { trigger: 'taught in the matrix', response: 'yes' };
  if (row.path === '/api/chat') return { message: 'acme secret' };
  if (row.path.includes('/billing/')) return { plan: 'pro' };
  if (row.path.endsWith('/api-keys')) return { name: 'matrix key' };
  if (row.path.startsWith('/api/admin/')) return { plan: 'pro', reason: 'matrix', message: 'matrix' };
  if (row.path === '/api/support') return { message: 'help from the matrix' };
  if (row.path === '/api/import') return createExport([{ trigger: 'imported in the matrix', response: 'yes' }]);
  return undefined;
}

describe.each(ENGINES)('the role matrix on %s', (engine) => {
  let server: TestServer;
  let who: People;
  beforeAll(async () => {
    server = await startTestServer({ engine });
    who = await people(server.url);
  });
  afterAll(() => server?.close());

  for (const row of ROLE_MATRIX) {
    it(`${row.method} ${row.path}: ${ACTORS.map((a) => `${a} ${row.expected[a]}`).join(', ')}`, async () => {
      const got: Partial<Record<Actor, number>> = {};
      for (const actor of ACTORS) {
        // Every cell starts from a new Acme, so no cell sees another's effects.
        const world = await acme(server, who);
        if (row.offer) await world.offerOwnershipToMember();
        const acceptToken = randomBytes(32).toString('base64url');
        if (actor !== 'anonymous') await world.invitationFor(who[actor].user.email, 'member', acceptToken);
        const path = row.path
          .replace(':orgId', world.org.id)
          .replace(':userId', world.target.user.id)
          .replace(':patternId', world.pattern.id)
          .replace(':invitationId', world.invitation.id)
          .replace(':keyId', world.apiKey.apiKey.id)
          .replace(':ticketId', world.ticketId);
        const res = await as(server.url, who, actor, world.org.id)(row.method, path, bodyFor(row, world, acceptToken));
        got[actor] = res.status;
        if (res.status >= 400) expect(res.json?.error?.code, `${actor}: ${res.text}`).toEqual(expect.any(String));
      }
      expect(got).toEqual(row.expected);
    });
  }
});

describe('the README', () => {
  it('prints the role matrix as the tests check it', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const printed = /<!-- role-matrix:start -->\n([\s\S]*?)\n<!-- role-matrix:end -->/.exec(readme)?.[1];
    expect(printed).toBe(matrixAsMarkdown());
  });
});
