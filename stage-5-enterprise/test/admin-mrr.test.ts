import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setPlatformAdmin } from '../src/server/admin/platform-admins';
import { ENGINES, call, onPlan, ownerQuery, startTestServer, type Client, type TestServer } from './helpers';

/**
 * MRR over time, derived from the audit trail's plan changes. The trail is written at the real
 * time, and the app may never rewrite it; so, to give the series a past, the test moves each
 * change's entry back to noon of its day as the database owner (the chain's hashes no longer
 * verify, which this suite does not look at).
 */
const today = () => new Date().toISOString().slice(0, 10);

describe.each(ENGINES)('MRR over time in the admin panel on %s', (engine) => {
  let server: TestServer;
  const asAdmin = (path: string) => call(server.url, 'GET', path, undefined, { session: server.session });
  const orgOf = async (client: Client) => (await client.api('GET', '/api/orgs')).json.activeOrgId as string;

  /** The organization's latest plan change, moved to `daysAgo` days before today (UTC), at noon. */
  const happened = (orgId: string, daysAgo: number) =>
    ownerQuery(
      server.db,
      `UPDATE audit_log SET at = $2
        WHERE id = (SELECT max(id) FROM audit_log WHERE org_id = $1 AND action = 'billing.plan_changed')`,
      [orgId, new Date(Date.parse(`${today()}T12:00:00Z`) - daysAgo * 86_400_000)],
    );

  beforeAll(async () => {
    server = await startTestServer({ engine });
    expect(await setPlatformAdmin(server.db, server.session.user.email, true)).toBe(true);
    const [acme, globex, initech, comped] = await Promise.all([server.signUp(), server.signUp(), server.signUp(), server.signUp()]);
    // Acme pays for pro from 20 days ago; Initech for pro from 15 days ago, back to free 5 days ago;
    // Globex pays for enterprise from 10 days ago; the admin comps enterprise to the fourth (8 days ago): $0.
    await onPlan(server.url, acme!.session!, 'pro');
    await happened(await orgOf(acme!), 20);
    await onPlan(server.url, initech!.session!, 'pro');
    await happened(await orgOf(initech!), 15);
    await onPlan(server.url, initech!.session!, 'free');
    await happened(await orgOf(initech!), 5);
    await onPlan(server.url, globex!.session!, 'enterprise');
    await happened(await orgOf(globex!), 10);
    const compedOrg = await orgOf(comped!);
    expect((await call(server.url, 'POST', `/api/admin/orgs/${compedOrg}/comp`, { plan: 'enterprise', reason: 'a partner' }, { session: server.session })).status).toBe(204);
    await happened(compedOrg, 8);
  });
  afterAll(() => server?.close());

  it('is each day\'s paying plans at their prices: upgrades, a later enterprise, a downgrade, and a comp at $0', async () => {
    const { status, json } = await asAdmin('/api/admin/mrr?days=30');
    expect(status).toBe(200);
    expect(json.days).toHaveLength(30);
    expect(json.days.at(-1).day).toBe(today());
    const mrrDaysAgo = (daysAgo: number) => json.days.at(-1 - daysAgo).mrr;
    expect([29, 25, 21].map(mrrDaysAgo)).toEqual([0, 0, 0]); // before anyone paid
    expect([20, 16].map(mrrDaysAgo)).toEqual([29, 29]); // Acme's pro
    expect([15, 11].map(mrrDaysAgo)).toEqual([58, 58]); // and Initech's
    expect([10, 6].map(mrrDaysAgo)).toEqual([357, 357]); // and Globex's enterprise (the comp adds nothing)
    expect([5, 1, 0].map(mrrDaysAgo)).toEqual([328, 328, 328]); // Initech back on free
  });

  it("today's figure is the billing page's MRR", async () => {
    const billing = (await asAdmin('/api/admin/billing')).json;
    expect((await asAdmin('/api/admin/mrr')).json.days.at(-1).mrr).toBe(billing.mrr);
  });

  it('90 days on request; any other span is a 400', async () => {
    const { json } = await asAdmin('/api/admin/mrr?days=90');
    expect(json.days).toHaveLength(90);
    expect(json.days.slice(0, 60).every((d: { mrr: number }) => d.mrr === 0)).toBe(true);
    const bad = await asAdmin('/api/admin/mrr?days=7');
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('invalid_request');
  });

  it('answers 403 to anyone who is not a platform admin, and 401 to nobody signed in', async () => {
    const customer = await server.signUp();
    expect((await customer.api('GET', '/api/admin/mrr')).status).toBe(403);
    expect((await server.anonymous.api('GET', '/api/admin/mrr')).status).toBe(401);
  });
});
