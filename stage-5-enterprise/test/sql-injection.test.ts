import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ownerValue, startTestServer, type TestServer } from './helpers';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer({ plan: 'pro' });
});
afterEach(() => server.close());

const HOSTILE = [
  "'); DROP TABLE patterns; --",
  "Robert'); DELETE FROM patterns WHERE ('1'='1",
  '" OR 1=1 --',
  "' UNION SELECT name, sql, type FROM sqlite_master --",
  '%_\\ LIKE wildcards and a backslash',
  "a line break\n'); --", // (NUL and other control characters are refused: see hardening.test.ts)
  '; PRAGMA writable_schema = 1;',
];

describe('SQL injection', () => {
  it('stores hostile text literally and returns it unchanged', async () => {
    const taught = [];
    for (const text of HOSTILE) {
      const res = await server.api('POST', '/api/patterns', { trigger: text, response: `answer to ${text}` });
      expect(res.status).toBe(201);
      taught.push(res.json.pattern);
    }
    const { patterns } = (await server.api('GET', '/api/patterns')).json;
    for (const [i, text] of HOSTILE.entries()) {
      expect(patterns).toContainEqual(taught[i]);
      expect(taught[i]).toMatchObject({ trigger: text, response: `answer to ${text}` });
    }
    // The table is still there and holds exactly what was taught.
    expect(await ownerValue(server.db, 'SELECT count(*) FROM patterns WHERE created_by = $1', [server.session.user.id])).toBe(patterns.length);
  });

  it('treats a hostile id as an id: nothing matches, nothing is changed or deleted', async () => {
    await server.api('POST', '/api/patterns', { trigger: 'still here', response: 'yes' });
    const before = (await server.api('GET', '/api/patterns')).json;
    for (const id of ["' OR '1'='1", '1 OR 1=1', "x'; DELETE FROM patterns; --"]) {
      const path = `/api/patterns/${encodeURIComponent(id)}`;
      expect((await server.api('PUT', path, { response: 'hijacked' })).status).toBe(404);
      expect((await server.api('DELETE', path)).status).toBe(404);
    }
    expect((await server.api('GET', '/api/patterns')).json).toEqual(before);
  });

  it('a hostile update changes only its own row, literally', async () => {
    const a = (await server.api('POST', '/api/patterns', { trigger: 'row a', response: 'a' })).json.pattern;
    const b = (await server.api('POST', '/api/patterns', { trigger: 'row b', response: 'b' })).json.pattern;
    const hostile = "x', response = 'pwned' WHERE 1=1; --";
    const res = await server.api('PUT', `/api/patterns/${a.id}`, { trigger: hostile });
    expect(res.json.pattern).toMatchObject({ id: a.id, trigger: hostile, response: 'a' });
    const { patterns } = (await server.api('GET', '/api/patterns')).json;
    expect(patterns).toContainEqual(b);
  });
});
