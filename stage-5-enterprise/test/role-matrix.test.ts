import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, startTestServer, type TestServer } from './helpers';
import { ROLE_MATRIX, bodyFor, matrixAsMarkdown, pathFor } from './role-matrix';
import { ACTORS, acme, as, people, type Actor, type People } from './tenancy';

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
        const res = await as(server.url, who, actor, world.org.id)(row.method, pathFor(row, world), bodyFor(row, world, acceptToken));
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
