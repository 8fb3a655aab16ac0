import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setPlatformAdmin } from '../src/server/admin/platform-admins';
import { ENGINES, call, onPlan, ownerValue, startTestServer, type Client, type Session, type TestServer } from './helpers';

const ADMIN_ROUTES = (orgId: string, ticketId: string) =>
  [
    ['GET', '/api/admin/orgs'],
    ['GET', `/api/admin/orgs/${orgId}`],
    ['POST', `/api/admin/orgs/${orgId}/comp`, { plan: 'enterprise', reason: 'x' }],
    ['POST', `/api/admin/orgs/${orgId}/suspend`, { reason: 'x' }],
    ['POST', `/api/admin/orgs/${orgId}/unsuspend`],
    ['GET', '/api/admin/billing'],
    ['GET', '/api/admin/usage'],
    ['GET', '/api/admin/mrr'],
    ['GET', '/api/admin/tickets'],
    ['POST', `/api/admin/tickets/${ticketId}/reply`, { message: 'x' }],
    ['POST', `/api/admin/tickets/${ticketId}/close`],
  ] as const;

describe.each(ENGINES)('the platform admin panel on %s', (engine) => {
  let server: TestServer;
  let admin: Session;
  let customer: Client;
  let customerOrg: string;
  beforeAll(async () => {
    server = await startTestServer({ engine });
    admin = server.session;
    expect(await setPlatformAdmin(server.db, admin.user.email, true)).toBe(true);
    customer = await server.signUp();
    customerOrg = (await customer.api('GET', '/api/orgs')).json.activeOrgId;
  });
  afterAll(() => server?.close());

  const asAdmin = (method: string, path: string, body?: unknown) => call(server.url, method, path, body, { session: admin });
  const openTicket = async (message: string) => (await customer.api('POST', '/api/support', { message })).json.ticket.id as string;

  it('answers 403 on every admin route to everyone else, and 401 to nobody signed in, changing nothing', async () => {
    const ticketId = await openTicket('can anyone read this?');
    const before = await ownerValue(server.db, "SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM organizations t");
    for (const [method, path, body] of ADMIN_ROUTES(customerOrg, ticketId)) {
      expect([path, (await customer.api(method, path, body)).status]).toEqual([path, 403]);
      expect([path, (await server.anonymous.api(method, path, body)).status]).toEqual([path, 401]);
    }
    expect(await ownerValue(server.db, "SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM organizations t")).toBe(before);
  });

  it('the database itself shows other organizations only to a flagged admin (forPlatformAdmin)', async () => {
    const count = (userId: string) => server.db.forPlatformAdmin(userId, async (tx) => (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM organizations'))[0]!.n);
    expect(await count(customer.session!.user.id)).toBe(0);
    expect(await count(admin.user.id)).toBeGreaterThanOrEqual(2);
  });

  it('lists every organization with plan, status, members, patterns, chats this month and MRR; search and pages', async () => {
    await customer.api('POST', '/api/chat', { message: 'hello' });
    const { json } = await asAdmin('GET', `/api/admin/orgs?q=${encodeURIComponent(customer.session!.user.email.split('@')[0]!)}`);
    expect(json.orgs).toHaveLength(1);
    expect(json.orgs[0]).toMatchObject({ id: customerOrg, plan: 'free', billingStatus: 'active', suspended: false, members: 1, patterns: 5, chatsThisMonth: 1, mrr: 0 });
    const first = await asAdmin('GET', '/api/admin/orgs?limit=1');
    expect(first.json.orgs).toHaveLength(1);
    const second = await asAdmin('GET', `/api/admin/orgs?limit=1&cursor=${first.json.nextCursor}`);
    expect(second.json.orgs[0].id).not.toBe(first.json.orgs[0].id);
    expect((await asAdmin('GET', '/api/admin/orgs?q=%25')).json.orgs).toEqual([]); // a % is text, not a wildcard
  });

  it('one organization: members, usage, subscription and billing events', async () => {
    const { json } = await asAdmin('GET', `/api/admin/orgs/${customerOrg}`);
    expect(json.org).toMatchObject({ id: customerOrg, members: [{ email: customer.session!.user.email, role: 'owner' }], subscription: null, billingEvents: [] });
    expect(json.org.usage).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'chat' })]));
    expect((await asAdmin('GET', '/api/admin/orgs/00000000-0000-0000-0000-000000000000')).status).toBe(404);
  });

  it('comping a plan lifts the limit, with the reason on record', async () => {
    const user = await server.signUp();
    const orgId = (await user.api('GET', '/api/orgs')).json.activeOrgId;
    for (let i = 0; i < 5; i++) await user.api('POST', '/api/patterns', { trigger: `p ${i}`, response: 'r' });
    expect((await user.api('POST', '/api/patterns', { trigger: 'eleventh', response: 'r' })).status).toBe(402);
    expect((await asAdmin('POST', `/api/admin/orgs/${orgId}/comp`, { plan: 'pro', reason: 'conference speaker' })).status).toBe(204);
    expect((await user.api('POST', '/api/patterns', { trigger: 'eleventh', response: 'r' })).status).toBe(201);
    expect((await asAdmin('GET', `/api/admin/orgs/${orgId}`)).json.org).toMatchObject({ plan: 'pro', compReason: 'conference speaker', subscription: { status: 'comped' } });
    // A comp pays nothing: MRR stays as it was.
    expect((await asAdmin('GET', '/api/admin/billing')).json.mrrByPlan.pro).toBe(0);
  });

  it('suspending blocks chat with a notice; unsuspending lets it through again', async () => {
    const user = await server.signUp();
    const orgId = (await user.api('GET', '/api/orgs')).json.activeOrgId;
    expect((await asAdmin('POST', `/api/admin/orgs/${orgId}/suspend`, { reason: 'unpaid invoices' })).status).toBe(204);
    const refused = await user.api('POST', '/api/chat', { message: 'hello' });
    expect([refused.status, refused.json.error.code]).toEqual([403, 'suspended']);
    expect(refused.json.error.message).toMatch(/unpaid invoices/);
    expect((await user.api('GET', `/api/orgs/${orgId}/usage`)).json.suspended).toMatchObject({ reason: 'unpaid invoices' });
    expect((await asAdmin('POST', `/api/admin/orgs/${orgId}/unsuspend`)).status).toBe(204);
    expect((await user.api('POST', '/api/chat', { message: 'hello' })).status).toBe(200);
  });

  it('billing: MRR by plan, subscriptions by status, the past-due list', async () => {
    const { json } = await asAdmin('GET', '/api/admin/billing');
    expect(Object.keys(json.mrrByPlan)).toEqual(['free', 'pro', 'enterprise']);
    expect(json).toMatchObject({ mrr: expect.any(Number), subscriptionsByStatus: expect.any(Array), pastDue: expect.any(Array) });
    await onPlan(server.url, customer.session!, 'pro'); // demo billing: "active" → counted as paying
    expect((await asAdmin('GET', '/api/admin/billing')).json.mrrByPlan.pro).toBe(29);
    await onPlan(server.url, customer.session!, 'free');
  });

  it('usage: chats per day over 30 days, every day present, and active organizations', async () => {
    await customer.api('POST', '/api/chat', { message: 'one more' });
    const { days } = (await asAdmin('GET', '/api/admin/usage')).json;
    expect(days).toHaveLength(30);
    expect(days.at(-1)).toMatchObject({ day: new Date().toISOString().slice(0, 10) });
    expect(days.at(-1).chats).toBeGreaterThanOrEqual(2);
    expect(days.at(-1).activeOrgs).toBeGreaterThanOrEqual(1);
  });

  it('a support ticket goes from the user to the admin, and the reply back by mail; closing takes it off the list', async () => {
    const ticketId = await openTicket('My chat forgets things');
    const open = (await asAdmin('GET', '/api/admin/tickets')).json.tickets;
    expect(open).toEqual(expect.arrayContaining([expect.objectContaining({ id: ticketId, orgId: customerOrg, email: customer.session!.user.email, message: 'My chat forgets things' })]));
    expect((await asAdmin('POST', `/api/admin/tickets/${ticketId}/reply`, { message: 'Teach it again, please.' })).status).toBe(204);
    const mail = server.outbox.list().find((m) => m.to === customer.session!.user.email && m.text.includes('Teach it again'));
    expect(mail?.subject).toBe('Re: your support request');
    expect((await asAdmin('POST', `/api/admin/tickets/${ticketId}/close`)).status).toBe(204);
    expect((await asAdmin('GET', '/api/admin/tickets')).json.tickets.map((t: { id: string }) => t.id)).not.toContain(ticketId);
    expect((await asAdmin('GET', '/api/admin/tickets?status=closed')).json.tickets.find((t: { id: string }) => t.id === ticketId).replies).toHaveLength(1);
  });

  it('bad input on every admin and support route is a 400 (or 404 for an unknown id), and changes nothing', async () => {
    const ticketId = await openTicket('bad input ahead');
    for (const [method, path, body] of [
      ['POST', `/api/admin/orgs/${customerOrg}/comp`, { plan: 'platinum', reason: 'x' }],
      ['POST', `/api/admin/orgs/${customerOrg}/comp`, { plan: 'pro' }],
      ['POST', `/api/admin/orgs/${customerOrg}/suspend`, {}],
      ['POST', `/api/admin/tickets/${ticketId}/reply`, { message: '' }],
      ['GET', '/api/admin/orgs?limit=0'],
      ['GET', '/api/admin/orgs?cursor=nonsense'],
      ['GET', '/api/admin/tickets?status=all'],
    ] as const) {
      expect([path, (await asAdmin(method, path, body)).status]).toEqual([path, 400]);
    }
    expect((await customer.api('POST', '/api/support', { message: '' })).status).toBe(400);
    expect((await customer.api('POST', '/api/support', { message: 'x'.repeat(5001) })).status).toBe(400);
    expect((await asAdmin('POST', '/api/admin/tickets/00000000-0000-0000-0000-000000000000/reply', { message: 'hi' })).status).toBe(404);
    expect((await asAdmin('GET', `/api/admin/orgs/${customerOrg}`)).json.org).toMatchObject({ plan: 'free', suspendedAt: null });
  });

  it("the app's own database role cannot make anyone an admin (no UPDATE on the flag)", async () => {
    await expect(server.db.query('UPDATE users SET is_platform_admin = true WHERE id = $1', [customer.session!.user.id])).rejects.toThrow(/permission denied/);
  });

  it('admin:revoke takes the panel away at once', async () => {
    const other = await server.signUp();
    await setPlatformAdmin(server.db, other.session!.user.email, true);
    expect((await other.api('GET', '/api/admin/orgs')).status).toBe(200);
    await setPlatformAdmin(server.db, other.session!.user.email, false);
    expect((await other.api('GET', '/api/admin/orgs')).status).toBe(403);
    expect(await setPlatformAdmin(server.db, 'nobody@example.com', true)).toBe(false);
  });
});
