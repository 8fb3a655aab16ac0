import { createExport } from '@journey/llm-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ownerValue, startTestServer, type TestServer } from './helpers';
import { EXAMPLE_PATTERNS } from '../src/server/examples';

const QUOTA = EXAMPLE_PATTERNS.length + 2; // a new account starts with the examples: room for 2 more

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer({ patternQuota: QUOTA });
});
afterEach(() => server.close());

/** Patterns in the signed-in user's (personal, active) organization, counted past row-level security. */
async function countMine(): Promise<number> {
  const [org] = (await server.api('GET', '/api/orgs')).json.orgs;
  return ownerValue(server.db, 'SELECT count(*)::int FROM patterns WHERE org_id = $1', [org.id]);
}
const numbered = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ trigger: `pattern ${from + i}`, response: `answer ${from + i}` }));

describe('the pattern quota (PATTERN_QUOTA per organization)', () => {
  it('teaching past the cap is a 409 quota_exceeded that says the numbers; nothing is stored', async () => {
    for (const input of numbered(2)) expect((await server.api('POST', '/api/patterns', input)).status).toBe(201);
    const res = await server.api('POST', '/api/patterns', { trigger: 'one too many', response: 'no' });
    expect(res.status).toBe(409);
    expect(res.json.error).toMatchObject({ code: 'quota_exceeded', details: { limit: QUOTA, used: QUOTA, adding: 1 } });
    expect(res.json.error.message).toMatch(new RegExp(`${QUOTA} of ${QUOTA} patterns`));
    expect(await countMine()).toBe(QUOTA);
  });

  it('an import that would cross the cap is refused whole; one that fits is taken', async () => {
    const tooMany = await server.api('POST', '/api/import', createExport(numbered(3)));
    expect(tooMany.status).toBe(409);
    expect(tooMany.json.error.details).toEqual({ limit: QUOTA, used: QUOTA - 2, adding: 3 });
    expect(await countMine()).toBe(QUOTA - 2);
    expect((await server.api('POST', '/api/import', createExport(numbered(2)))).json).toEqual({ imported: 2 });
  });

  it('parallel requests cannot pass the cap together', async () => {
    const answers = await Promise.all(numbered(10).map((input) => server.api('POST', '/api/patterns', input)));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(2);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(8);
    expect(await countMine()).toBe(QUOTA);
  });

  it('is per organization: a full one does not stop another', async () => {
    await server.api('POST', '/api/import', createExport(numbered(2)));
    const other = await server.signUp();
    expect((await other.api('POST', '/api/patterns', { trigger: 'mine', response: 'yes' })).status).toBe(201);
  });

  it('deleting makes room again', async () => {
    await server.api('POST', '/api/import', createExport(numbered(2)));
    const { json } = await server.api('GET', '/api/patterns');
    expect((await server.api('DELETE', `/api/patterns/${json.patterns[0].id}`)).status).toBe(204);
    expect((await server.api('POST', '/api/patterns', { trigger: 'fits again', response: 'yes' })).status).toBe(201);
  });
});
