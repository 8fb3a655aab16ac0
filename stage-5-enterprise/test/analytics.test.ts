import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Analytics } from '../src/shared/api';
import { rebuildRollups, seedEvents } from '../src/server/analytics/seed-events';
import { ENGINES, ownerQuery, startTestServer, type TestServer } from './helpers';
import { acme, as, people } from './tenancy';

const DAY = "(created_at AT TIME ZONE 'UTC')::date";

describe.each(ENGINES)('usage analytics on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ engine, plan: 'enterprise' });
  });
  afterAll(() => server?.close());

  const analytics = async (orgId: string, days = 30): Promise<Analytics> => {
    const res = await server.api('GET', `/api/orgs/${orgId}/analytics?days=${days}`);
    expect(res.status).toBe(200);
    return res.json;
  };
  const activeOrg = async (): Promise<string> => (await server.api('GET', '/api/orgs')).json.activeOrgId;

  it('counts answered and unanswered chats, keeps only the unanswered questions (normalized), and ranks the pattern that answered', async () => {
    const orgId = await activeOrg();
    const pattern = (await server.api('POST', '/api/patterns', { trigger: 'opening hours', response: '9 to 5' })).json.pattern;
    for (const message of ['opening hours', '  What is the WEATHER?? ', 'what is the weather', 'Do you sell bikes?']) {
      expect((await server.api('POST', '/api/chat', { message })).status).toBe(200);
    }
    const a = await analytics(orgId);
    expect(a.totals).toMatchObject({ chats: 4, fallbacks: 3, teaches: 1 });
    expect(a.fallbackRate).toBe(0.75);
    expect(a.unanswered).toEqual([
      { question: 'what is the weather', count: 2 },
      { question: 'do you sell bikes', count: 1 },
    ]);
    expect(a.topPatterns).toEqual([{ patternId: pattern.id, trigger: 'opening hours', count: 1 }]);
    expect(a.activity).toEqual([{ kind: 'member', label: server.session.user.email, chats: 4, teaches: 1, imports: 0, apiCalls: 0 }]);
    expect(a.perDay).toHaveLength(30);
    expect(a.perDay.at(-1)).toMatchObject({ chats: 4, fallbacks: 3, teaches: 1 });
    // Privacy: the answered message was not kept.
    const kept = await ownerQuery<{ question: string | null }>(server.db, "SELECT question FROM usage_events WHERE org_id = $1 AND kind = 'chat' AND NOT fell_back", [orgId]);
    expect(kept).toEqual([{ question: null }]);
  });

  it('for a seeded month plus live chats, every figure equals the counts taken straight from the raw events', async () => {
    const other = await server.signUp();
    await server.api('POST', '/api/patterns', { trigger: 'shipping', response: '2 days' });
    const orgId = (await other.api('GET', '/api/orgs')).json.activeOrgId as string;
    await server.db.transaction(async (tx) => {
      await tx.query('SET LOCAL ROLE NONE');
      await seedEvents(tx, [{ orgId, userId: other.session.user.id }], 20_000, 30);
      await rebuildRollups(tx, [orgId]);
    });
    // The live path on top of the bulk load: the per-event upserts add to the rebuilt rollups.
    for (const message of ['hello', 'a question nobody taught', 'A question nobody taught!']) await other.api('POST', '/api/chat', { message });

    const res = await other.api('GET', `/api/orgs/${orgId}/analytics?days=30`);
    expect(res.status).toBe(200);
    const a: Analytics = res.json;
    const raw = (sql: string) => ownerQuery<Record<string, unknown>>(server.db, sql, [orgId, a.from]);
    const perDay = await raw(
      `SELECT to_char(${DAY}, 'YYYY-MM-DD') AS day,
              count(*) FILTER (WHERE kind = 'chat')::int AS chats, count(*) FILTER (WHERE fell_back)::int AS fallbacks,
              count(*) FILTER (WHERE kind = 'teach')::int AS teaches, count(*) FILTER (WHERE kind = 'import')::int AS imports,
              count(*) FILTER (WHERE kind = 'api_call')::int AS "apiCalls"
         FROM usage_events WHERE org_id = $1 AND ${DAY} >= $2::date GROUP BY 1 ORDER BY 1`,
    );
    expect(perDay.length).toBeGreaterThan(25);
    expect(a.perDay.filter((d) => d.chats + d.teaches + d.imports + d.apiCalls > 0)).toEqual(perDay);
    const unanswered = await raw(
      `SELECT question, count(*)::int AS count FROM usage_events WHERE org_id = $1 AND ${DAY} >= $2::date AND question IS NOT NULL
        GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20`,
    );
    expect(a.unanswered).toEqual(unanswered);
    const patterns = await raw(
      `SELECT pattern_id AS "patternId", count(*)::int AS count FROM usage_events WHERE org_id = $1 AND ${DAY} >= $2::date AND pattern_id IS NOT NULL
        GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20`,
    );
    expect(a.topPatterns.map(({ patternId, count }) => ({ patternId, count }))).toEqual(patterns);
    const [totals] = await raw(
      `SELECT count(*) FILTER (WHERE kind = 'chat')::int AS chats, count(*) FILTER (WHERE fell_back)::int AS fallbacks
         FROM usage_events WHERE org_id = $1 AND ${DAY} >= $2::date`,
    );
    expect(a.totals).toMatchObject(totals!);
    expect(a.fallbackRate).toBeCloseTo((totals!.fallbacks as number) / (totals!.chats as number), 10);
    expect(a.activity).toEqual([expect.objectContaining({ label: other.session.user.email, chats: totals!.chats })]);
  });

  it('owners and admins see it; a member is refused (403), an outsider finds nothing (404), a stranger must sign in (401)', async () => {
    const who = await people(server.url);
    const { org, apiKey } = await acme(server, who);
    const path = `/api/orgs/${org.id}/analytics`;
    const status = async (actor: 'owner' | 'admin' | 'member' | 'outsider' | 'anonymous') => (await as(server.url, who, actor)('GET', path)).status;
    expect([await status('owner'), await status('admin'), await status('member'), await status('outsider'), await status('anonymous')]).toEqual([200, 200, 403, 404, 401]);
    const withKey = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${apiKey.key}` } });
    expect(withKey.status).toBe(403);
  });

  it('exports CSV, and refuses a period other than 30 or 90 days', async () => {
    const orgId = await activeOrg();
    const csv = await fetch(`${server.url}/api/orgs/${orgId}/analytics?days=90&format=csv`, { headers: { cookie: server.session.cookie } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="?analytics-\d{4}-\d{2}-\d{2}-90d\.csv"?$/);
    const lines = (await csv.text()).split('\r\n');
    expect(lines[0]).toBe('day,chats,fallbacks,teaches,imports,api_calls');
    expect(lines).toContain('unanswered_question,count');
    expect(lines).toContain('what is the weather,2');
    const bad = await server.api('GET', `/api/orgs/${orgId}/analytics?days=7`);
    expect([bad.status, bad.json.error.code]).toEqual([400, 'invalid_request']);
  });
});
