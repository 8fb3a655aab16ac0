import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setPlatformAdmin } from '../src/server/admin/platform-admins';
import { loadConfig } from '../src/server/config';
import { freshDatabase, type TestDatabase } from './databases';
import { ENGINES, startTestServer, type Client, type TestServer } from './helpers';

/**
 * DATABASE_READ_URL: analytics and the admin panel's reads go to a second pool (a replica in
 * production). Here it is the same database through connections that are read-only, as a replica's
 * are, and named `journey-read`, so pg_stat_activity tells them apart from the primary's.
 */
const READ_ONLY = `application_name=journey-read&options=${encodeURIComponent('-c default_transaction_read_only=on')}`;

it('refuses DATABASE_READ_URL without DATABASE_URL (PGlite has no replica)', () => {
  expect(() => loadConfig({ DATABASE_READ_URL: 'postgres://127.0.0.1/journey' })).toThrow(/DATABASE_READ_URL: needs DATABASE_URL/);
});

describe.each(ENGINES.filter((engine) => engine === 'postgres'))('DATABASE_READ_URL on %s', () => {
  let database: TestDatabase;
  let server: TestServer;
  let customer: Client;
  let customerOrg: string;
  let observer: pg.Client;

  beforeAll(async () => {
    database = await freshDatabase('postgres');
    const primary = database.where.databaseUrl!;
    // engine 'pglite' only means "no database of its own": DATABASE_URL below points it at this one.
    server = await startTestServer({ engine: 'pglite', env: { DATABASE_URL: primary, DATABASE_READ_URL: `${primary}?${READ_ONLY}` } });
    expect(await setPlatformAdmin(server.db, server.session.user.email, true)).toBe(true);
    customer = await server.signUp();
    customerOrg = (await customer.api('GET', '/api/orgs')).json.activeOrgId;
    observer = new pg.Client({ connectionString: primary });
    await observer.connect();
  });
  afterAll(async () => {
    await observer?.end();
    await server?.close();
    await database?.drop();
  });

  /** When a journey-read connection last finished a statement (null before it ever did). */
  const lastRead = async (): Promise<Date | null> =>
    (await observer.query("SELECT max(state_change) AS at FROM pg_stat_activity WHERE application_name = 'journey-read' AND datname = current_database()")).rows[0].at;
  /** Whether `request` used a journey-read connection: one of them finished a statement meanwhile. */
  async function readsThroughReadPool(request: () => Promise<{ status: number }>): Promise<boolean> {
    const before = (await lastRead())?.getTime() ?? 0;
    expect((await request()).status).toBe(200);
    return ((await lastRead())?.getTime() ?? 0) > before;
  }

  it('serves analytics from the read pool, and the answer is the primary’s data', async () => {
    await customer.api('POST', '/api/chat', { message: 'hello' });
    let answer: { status: number; json: { totals: { chats: number } } } | undefined;
    expect(await readsThroughReadPool(async () => (answer = await customer.api('GET', `/api/orgs/${customerOrg}/analytics?days=30`)))).toBe(true);
    expect(answer!.json.totals.chats).toBe(1);
    // A request that is not analytics leaves the read pool alone.
    expect(await readsThroughReadPool(() => customer.api('GET', '/api/patterns'))).toBe(false);
  });

  it('serves the admin panel’s lists, usage and billing overview from the read pool', async () => {
    for (const path of ['/api/admin/orgs', `/api/admin/orgs/${customerOrg}`, '/api/admin/usage', '/api/admin/billing', '/api/admin/tickets']) {
      expect([path, await readsThroughReadPool(() => server.api('GET', path))]).toEqual([path, true]);
    }
    const { json } = await server.api('GET', `/api/admin/orgs?q=${encodeURIComponent(customer.session!.user.email.split('@')[0]!)}`);
    expect(json.orgs).toMatchObject([{ id: customerOrg, chatsThisMonth: 1 }]);
  });

  it('the read pool cannot write (it is truly the read-only one), and admin changes go to the primary', async () => {
    await expect(server.server.reads.query('UPDATE organizations SET name = name')).rejects.toThrow(/read-only transaction/);
    expect((await server.api('POST', `/api/admin/orgs/${customerOrg}/suspend`, { reason: 'unpaid invoice' })).status).toBe(204);
    expect((await server.api('POST', `/api/admin/orgs/${customerOrg}/comp`, { plan: 'pro', reason: 'partner' })).status).toBe(204);
    const ticket = (await customer.api('POST', '/api/support', { message: 'why am I suspended?' })).json.ticket.id;
    expect((await server.api('POST', `/api/admin/tickets/${ticket}/reply`, { message: 'sorted' })).status).toBe(204);
    const { org } = (await server.api('GET', `/api/admin/orgs/${customerOrg}`)).json;
    expect(org).toMatchObject({ suspendReason: 'unpaid invoice', subscription: { plan: 'pro', status: 'comped' } });
  });

  it('readiness checks the read pool as database-read', async () => {
    const res = await server.anonymous.api('GET', '/health/ready');
    expect(res.status).toBe(200);
    expect(res.json.checks).toMatchObject({ database: 'ok', migrations: 'ok', 'database-read': 'ok' });
  });
});

describe.each(ENGINES.filter((engine) => engine === 'postgres'))('without DATABASE_READ_URL on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => (server = await startTestServer({ engine })));
  afterAll(() => server?.close());

  it('reads analytics and the admin panel from the primary, and readiness has no read check', async () => {
    expect(server.server.reads).toBe(server.server.db);
    expect(await setPlatformAdmin(server.db, server.session.user.email, true)).toBe(true);
    const orgId = (await server.api('GET', '/api/orgs')).json.activeOrgId;
    expect((await server.api('GET', `/api/orgs/${orgId}/analytics?days=30`)).status).toBe(200);
    expect((await server.api('GET', '/api/admin/billing')).status).toBe(200);
    const ready = await server.anonymous.api('GET', '/health/ready');
    expect(Object.keys(ready.json.checks).sort()).toEqual(['database', 'migrations']);
  });
});
