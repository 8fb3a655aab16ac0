import { createExport } from '@journey/llm-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { onPlan, ownerQuery, startTestServer, type TestServer } from './helpers';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer({ plan: 'pro' });
});
afterEach(() => server.close());

const numbered = (n: number) => Array.from({ length: n }, (_, i) => ({ trigger: `pattern ${i}`, response: `answer ${i}` }));

/** Every page from the first, following nextCursor. */
async function allPages(limit?: number) {
  const pages: { patterns: { id: string; trigger: string }[]; nextCursor: string | null }[] = [];
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ ...(limit ? { limit: String(limit) } : {}), ...(cursor ? { cursor } : {}) });
    const res = await server.api('GET', `/api/patterns?${query}`);
    expect(res.status).toBe(200);
    pages.push(res.json);
    cursor = res.json.nextCursor;
  } while (cursor);
  return pages;
}

describe('GET /api/patterns is paginated', () => {
  it('answers 100 at a time by default, with a cursor to the next page; the pages hold every pattern once, newest first', async () => {
    await server.api('POST', '/api/import', createExport(numbered(245))); // + the 5 examples = 250
    const pages = await allPages();
    expect(pages.map((p) => p.patterns.length)).toEqual([100, 100, 50]);
    expect(pages.at(-1)!.nextCursor).toBeNull();
    const ids = pages.flatMap((p) => p.patterns.map((pattern) => pattern.id));
    expect(new Set(ids).size).toBe(250);
    const expected = (await ownerQuery<{ id: string }>(server.db, 'SELECT id FROM patterns ORDER BY created_at DESC, seq DESC')).map((row) => row.id);
    expect(ids).toEqual(expected);
  });

  it('?limit= sets the page size; a short list is one page with nextCursor null', async () => {
    expect((await allPages(2)).map((p) => p.patterns.length)).toEqual([2, 2, 1]);
    const { json } = await server.api('GET', '/api/patterns');
    expect(json).toEqual({ patterns: expect.any(Array), nextCursor: null });
    expect(json.patterns).toHaveLength(5);
  });

  it('a cursor holds its place while patterns are added and deleted in between', async () => {
    const first = (await server.api('GET', '/api/patterns?limit=2')).json;
    await server.api('DELETE', `/api/patterns/${first.patterns[0].id}`);
    await server.api('POST', '/api/patterns', { trigger: 'added meanwhile', response: 'last' });
    const rest = (await server.api('GET', `/api/patterns?limit=100&cursor=${first.nextCursor}`)).json;
    // The 3 older examples, none twice; the new one is on the first page (newest first), not here.
    expect(rest.patterns).toHaveLength(3);
    const ids = rest.patterns.map((p: { id: string }) => p.id);
    expect(ids).not.toContain(first.patterns[1].id);
    expect(rest.patterns.map((p: { trigger: string }) => p.trigger)).not.toContain('added meanwhile');
    expect((await server.api('GET', '/api/patterns?limit=1')).json.patterns[0].trigger).toBe('added meanwhile');
  });

  it('a bad limit or cursor is a 400', async () => {
    for (const query of ['limit=0', 'limit=501', 'limit=ten', 'limit=1.5', 'cursor=nonsense', 'cursor=W10', 'cursor=a&cursor=b']) {
      const res = await server.api('GET', `/api/patterns?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.json.error.code, query).toMatch(/invalid_request|invalid_cursor/);
    }
  });

  it("pages never show another organization's patterns", async () => {
    const other = await server.signUp();
    await onPlan(server.url, other.session, 'pro');
    await other.api('POST', '/api/import', createExport(numbered(20)));
    const ids = (await allPages(3)).flatMap((p) => p.patterns.map((pattern) => pattern.id));
    expect(ids).toHaveLength(5);
  });
});
