import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setPlatformAdmin } from '../src/server/admin/platform-admins';
import { recordAudit } from '../src/server/audit/audit';
import { csvCell } from '../src/server/audit/audit-csv';
import { verifyChains } from '../src/server/audit/verify-chains';
import { pruneAudit } from '../src/server/audit/prune';
import type { Queryable } from '../src/server/db';
import { ENGINES, call, ownerQuery, signUp, startTestServer, uniqueEmail, type Session, type TestServer } from './helpers';
import { acme, people, type People } from './tenancy';

describe.each(ENGINES)('the audit trail on %s', (engine) => {
  let server: TestServer;
  let who: People;
  let world: Awaited<ReturnType<typeof acme>>;
  let owner: Queryable; // past row-level security and grants, as a superuser or the tables' owner would be
  beforeAll(async () => {
    server = await startTestServer({ engine });
    who = await people(server.url);
    world = await acme(server, who);
    owner = { query: (sql, params = []) => ownerQuery(server.db, sql, [...params]) };
  });
  afterAll(() => server?.close());

  const as = (session: Session | undefined, path: string) => call(server.url, 'GET', path, undefined, { session });
  /** An organization of its own, with `n` entries written straight through recordAudit. */
  async function orgWithEntries(n: number, label = (i: number) => `thing ${i}`) {
    const boss = await signUp(server.url);
    const org = await server.server.organizations.create(boss.user.id, 'Audited');
    for (let i = 0; i < n; i++) {
      await server.db.forOrg(org.id, (tx) =>
        recordAudit(tx, { orgId: org.id, action: i % 2 ? 'pattern.deleted' : 'api_key.created', actor: { type: 'user', id: boss.user.id, label: boss.user.email }, target: { type: 'pattern', id: null, label: label(i) } }),
      );
    }
    return { boss, org };
  }

  it('the app role may insert and read entries, but an UPDATE or DELETE fails with a permission error', async () => {
    await server.db.forOrg(world.org.id, (tx) => recordAudit(tx, { orgId: world.org.id, action: 'pattern.deleted', target: { type: 'pattern', id: null, label: 'x' } }));
    const rows = await server.db.forOrg(world.org.id, (tx) => tx.query('SELECT id FROM audit_log WHERE org_id = $1', [world.org.id]));
    expect(rows.length).toBeGreaterThan(0);
    await expect(server.db.forOrg(world.org.id, (tx) => tx.query("UPDATE audit_log SET actor_label = 'someone else'"))).rejects.toThrow(/permission denied/);
    await expect(server.db.forOrg(world.org.id, (tx) => tx.query('DELETE FROM audit_log'))).rejects.toThrow(/permission denied/);
    await expect(server.db.forOrg(world.org.id, (tx) => tx.query('TRUNCATE audit_log'))).rejects.toThrow(/permission denied/);
    await expect(server.db.forOrg(world.org.id, (tx) => tx.query('UPDATE audit_chain_heads SET anchor_seq = 5'))).rejects.toThrow(/permission denied/);
  });

  it('an organization cannot write into another\'s chain, nor read it', async () => {
    const other = await orgWithEntries(1);
    const write = server.db.forOrg(world.org.id, (tx) => recordAudit(tx, { orgId: other.org.id, action: 'pattern.deleted' }));
    await expect(write).rejects.toThrow(/row-level security/);
    expect(await server.db.forOrg(world.org.id, (tx) => tx.query('SELECT * FROM audit_log WHERE org_id = $1', [other.org.id]))).toEqual([]);
  });

  it('audit:verify passes an untouched trail, then names the organization and entry of a row a superuser changed', async () => {
    const { org } = await orgWithEntries(5);
    expect((await verifyChains(owner)).problems).toEqual([]);
    await owner.query("UPDATE audit_log SET target_label = 'nothing to see' WHERE chain = $1 AND seq = 3", [org.id]);
    const { problems } = await verifyChains(owner);
    expect(problems).toEqual([expect.objectContaining({ chain: org.id, seq: 3, problem: expect.stringMatching(/changed/) })]);
  });

  it('audit:verify finds a removed row, in the middle or at the end of a chain', async () => {
    const { org } = await orgWithEntries(4);
    await owner.query('DELETE FROM audit_log WHERE chain = $1 AND seq = 2', [org.id]);
    expect((await verifyChains(owner)).problems.filter((p) => p.chain === org.id)).toEqual([expect.objectContaining({ seq: 2, problem: expect.stringMatching(/missing/) })]);
    const last = await orgWithEntries(3);
    await owner.query('DELETE FROM audit_log WHERE chain = $1 AND seq = 3', [last.org.id]);
    expect((await verifyChains(owner)).problems.filter((p) => p.chain === last.org.id)).toEqual([expect.objectContaining({ seq: 3, problem: expect.stringMatching(/removed/) })]);
  });

  it('pruning as the owner keeps what is left verifiable (the head keeps the anchor)', async () => {
    const { org } = await orgWithEntries(4);
    await owner.query("UPDATE audit_log SET at = at - interval '400 days' WHERE chain = $1 AND seq <= 2", [org.id]); // old entries (hash no longer matches…)
    await pruneAudit(owner, 365); // …but they are the ones deleted
    const left = await owner.query<{ seq: number }>('SELECT seq FROM audit_log WHERE chain = $1 ORDER BY seq', [org.id]);
    expect(left.map((row) => row.seq)).toEqual([3, 4]);
    expect((await verifyChains(owner)).problems.filter((p) => p.chain === org.id)).toEqual([]);
  });

  it('concurrent writes for one organization wait in line: one chain, no fork, no gap', async () => {
    const { org, boss } = await orgWithEntries(0);
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        server.db.forOrg(org.id, (tx) => recordAudit(tx, { orgId: org.id, action: 'pattern.deleted', actor: { type: 'user', id: boss.user.id, label: boss.user.email }, target: { type: 'pattern', id: null, label: `p${i}` } })),
      ),
    );
    const rows = await owner.query<{ seq: number; prev_hash: string }>('SELECT seq, prev_hash FROM audit_log WHERE chain = $1 ORDER BY seq', [org.id]);
    expect(rows.map((row) => row.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(new Set(rows.map((row) => row.prev_hash)).size).toBe(30); // no two entries link to the same predecessor
    expect((await verifyChains(owner)).problems.filter((p) => p.chain === org.id)).toEqual([]);
  });

  it('owners and admins read their trail; members and viewers get 403, outsiders 404, nobody 401', async () => {
    const path = `/api/orgs/${world.org.id}/audit`;
    expect((await as(who.owner, path)).status).toBe(200);
    expect((await as(who.admin, path)).status).toBe(200);
    expect((await as(who.member, path)).status).toBe(403);
    expect((await as(who.viewer, path)).status).toBe(403);
    expect((await as(who.outsider, path)).status).toBe(404);
    expect((await as(who.member, `${path}?format=csv`)).status).toBe(403);
    expect((await as(undefined, path)).status).toBe(401);
    const entries = (await as(who.owner, path)).json.entries as { orgId: string }[];
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((entry) => entry.orgId === world.org.id)).toBe(true);
  });

  it('filters by actor, action and day, and pages with a cursor', async () => {
    const { boss, org } = await orgWithEntries(7);
    const path = `/api/orgs/${org.id}/audit`;
    const page1 = (await as(boss, `${path}?limit=3`)).json;
    const page2 = (await as(boss, `${path}?limit=3&cursor=${page1.nextCursor}`)).json;
    const page3 = (await as(boss, `${path}?limit=3&cursor=${page2.nextCursor}`)).json;
    expect([...page1.entries, ...page2.entries, ...page3.entries].map((e: { seq: number }) => e.seq)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(page3.nextCursor).toBeNull();
    expect((await as(boss, `${path}?action=pattern.deleted`)).json.entries).toHaveLength(3);
    expect((await as(boss, `${path}?action=api_key`)).json.entries).toHaveLength(4);
    expect((await as(boss, `${path}?actor=${boss.user.email.slice(0, 10).toUpperCase()}`)).json.entries).toHaveLength(7);
    expect((await as(boss, `${path}?actor=someone-else`)).json.entries).toHaveLength(0);
    const today = new Date().toISOString().slice(0, 10);
    expect((await as(boss, `${path}?from=${today}&to=${today}`)).json.entries).toHaveLength(7);
    expect((await as(boss, `${path}?to=2020-01-01`)).json.entries).toHaveLength(0);
    const bad = await as(boss, `${path}?from=yesterday`);
    expect([bad.status, bad.json.error.code]).toEqual([400, 'invalid_request']);
    expect((await as(boss, `${path}?cursor=not-a-cursor`)).status).toBe(400);
  });

  it('exports CSV and JSON with the same filters; a cell that a spreadsheet would run as a formula starts with \'', async () => {
    const { boss, org } = await orgWithEntries(3, (i) => (i === 1 ? '=HYPERLINK("http://evil.example","click")' : `plain ${i}`));
    const csv = await fetch(`${server.url}/api/orgs/${org.id}/audit?format=csv&action=pattern.deleted`, { headers: { cookie: boss.cookie } });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="?audit-org-\d{4}-\d{2}-\d{2}\.csv/);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines).toHaveLength(2); // the header and the one pattern.deleted entry
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    const json = await as(boss, `/api/orgs/${org.id}/audit?format=json`);
    expect(json.json.entries.map((e: { target: { label: string } }) => e.target.label)).toEqual(['plain 2', '=HYPERLINK("http://evil.example","click")', 'plain 0']);
    expect([csvCell('+1'), csvCell('-2'), csvCell('@x'), csvCell('a "b"'), csvCell(null)]).toEqual([`"'+1"`, `"'-2"`, `"'@x"`, '"a ""b"""', '""']);
  });

  it('the platform admin reads every chain, including the platform chain of logins; nobody else can', async () => {
    const staff = await signUp(server.url, uniqueEmail('staff'));
    await setPlatformAdmin(server.db, staff.user.email, true);
    await call(server.url, 'POST', '/api/auth/login', { email: uniqueEmail('ghost'), password: 'whatever it is' });
    const platform = (await as(staff, '/api/admin/audit?orgId=platform&action=auth.login_failed')).json.entries;
    expect(platform[0]).toMatchObject({ orgId: null, actor: { id: null, label: expect.stringMatching(/^ghost-/) } });
    const acmeOnly = (await as(staff, `/api/admin/audit?orgId=${world.org.id}`)).json.entries as { orgId: string }[];
    expect(acmeOnly.length).toBeGreaterThan(0);
    expect(acmeOnly.every((entry) => entry.orgId === world.org.id)).toBe(true);
    expect((await as(who.owner, '/api/admin/audit')).status).toBe(403);
    expect(await server.db.forOrg(world.org.id, (tx) => tx.query('SELECT * FROM audit_log WHERE org_id IS NULL'))).toEqual([]);
  });
});
