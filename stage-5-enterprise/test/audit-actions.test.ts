import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setPlatformAdmin } from '../src/server/admin/platform-admins';
import { ENGINES, PASSWORD, call, ownerQuery, signUp, startTestServer, uniqueEmail, type Session, type TestServer } from './helpers';
import { acme, people, type People } from './tenancy';
import { startStripeStandIn, type StripeStandIn } from './stripe-stand-in';

type Party = { type: string; id?: string | null; label: string };
interface Row {
  /** What the person does (through the API, as a user would). */
  act: () => Promise<{ status: number; text: string }>;
  /** The answer's status, when not a success (a refused login is still recorded). */
  status?: number;
  /** The one entry it must write: its chain (an organization or 'platform'), actor and target. */
  expected: { chain: string; actor: Party; target: Party };
}

describe.each(ENGINES)('every security and admin action writes exactly one audit entry, on %s', (engine) => {
  let server: TestServer;
  let who: People;
  let world: Awaited<ReturnType<typeof acme>>;
  let platformAdmin: Session;
  beforeAll(async () => {
    server = await startTestServer({ engine });
    who = await people(server.url);
    world = await acme(server, who);
    platformAdmin = await signUp(server.url, uniqueEmail('staff'));
    await setPlatformAdmin(server.db, platformAdmin.user.email, true);
  });
  afterAll(() => server?.close());

  const as = (session: Session | undefined, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    call(server.url, method, path, body, { headers: { ...headers, ...(session ? { cookie: `${session.cookie}; org=${world.org.id}` } : {}) } });
  const user = (session: Session): Party => ({ type: 'user', id: session.user.id, label: session.user.email });
  const org = () => `/api/orgs/${world.org.id}`;
  const acmeChain = () => world.org.id;
  const newestId = async () => (await ownerQuery<{ id: number }>(server.db, 'SELECT coalesce(max(id), 0) AS id FROM audit_log'))[0]!.id;

  // Each row runs after the ones above it, on the same organization (Acme).
  const ROWS: [string, () => Promise<Row>][] = [
    ['auth.login_succeeded', async () => ({
      act: () => as(undefined, 'POST', '/api/auth/login', { email: who.viewer.user.email, password: PASSWORD }),
      expected: { chain: 'platform', actor: user(who.viewer), target: user(who.viewer) },
    })],
    ['auth.login_failed', async () => ({
      act: () => as(undefined, 'POST', '/api/auth/login', { email: who.viewer.user.email, password: 'not the password at all' }),
      status: 401,
      expected: { chain: 'platform', actor: user(who.viewer), target: user(who.viewer) },
    })],
    ['auth.login_failed', async () => {
      const stranger = uniqueEmail('nobody');
      return {
        act: () => as(undefined, 'POST', '/api/auth/login', { email: stranger, password: PASSWORD }),
        status: 401,
        expected: { chain: 'platform', actor: { type: 'user', id: null, label: stranger }, target: { type: 'user', id: null, label: stranger } },
      };
    }],
    ['auth.logged_out', async () => ({
      act: () => as(who.viewer, 'POST', '/api/auth/logout'),
      expected: { chain: 'platform', actor: user(who.viewer), target: user(who.viewer) },
    })],
    ['auth.logged_out_everywhere', async () => {
      const someone = await signUp(server.url);
      return { act: () => as(someone, 'POST', '/api/auth/logout-everywhere'), expected: { chain: 'platform', actor: user(someone), target: user(someone) } };
    }],
    ['auth.password_reset', async () => {
      const someone = await signUp(server.url);
      const sent = server.outbox.list().length;
      await as(undefined, 'POST', '/api/auth/forgot-password', { email: someone.user.email });
      await expect.poll(() => server.outbox.list().length).toBe(sent + 1);
      const token = /#reset=([\w-]+)/.exec(server.outbox.list().find((mail) => mail.to === someone.user.email)!.text)![1];
      return {
        act: () => as(undefined, 'POST', '/api/auth/reset-password', { token, password: `${PASSWORD} again` }),
        expected: { chain: 'platform', actor: user(someone), target: user(someone) },
      };
    }],
    ['api_key.created', async () => ({
      act: () => as(who.admin, 'POST', `${org()}/api-keys`, { name: 'Deploy bot' }),
      expected: { chain: acmeChain(), actor: user(who.admin), target: { type: 'api_key', label: expect.stringMatching(/^jrny_sk_\w{4}… Deploy bot$/) } as Party },
    })],
    ['api_key.revoked', async () => ({
      act: () => as(who.owner, 'DELETE', `${org()}/api-keys/${world.apiKey.apiKey.id}`),
      expected: { chain: acmeChain(), actor: user(who.owner), target: { type: 'api_key', id: world.apiKey.apiKey.id, label: `${world.apiKey.apiKey.prefix}… Acme CI` } },
    })],
    ['member.role_changed', async () => ({
      act: () => as(who.admin, 'PATCH', `${org()}/members/${world.target.user.id}`, { role: 'viewer' }),
      expected: { chain: acmeChain(), actor: user(who.admin), target: { type: 'user', id: world.target.user.id, label: world.target.user.email } },
    })],
    ['member.removed', async () => ({
      act: () => as(who.owner, 'DELETE', `${org()}/members/${world.target.user.id}`),
      expected: { chain: acmeChain(), actor: user(who.owner), target: { type: 'user', id: world.target.user.id, label: world.target.user.email } },
    })],
    ['invitation.sent', async () => {
      const email = uniqueEmail('new');
      return { act: () => as(who.admin, 'POST', `${org()}/invitations`, { email, role: 'member' }), expected: { chain: acmeChain(), actor: user(who.admin), target: { type: 'invitation', label: email } } };
    }],
    ['invitation.resent', async () => ({
      act: () => as(who.admin, 'POST', `${org()}/invitations/${world.invitation.id}/resend`),
      expected: { chain: acmeChain(), actor: user(who.admin), target: { type: 'invitation', id: world.invitation.id, label: world.invitation.email! } },
    })],
    ['invitation.domain_created', async () => ({
      act: () => as(who.admin, 'POST', `${org()}/domain-invitations`, { domain: 'acme.example', role: 'member' }),
      expected: { chain: acmeChain(), actor: user(who.admin), target: { type: 'invitation', label: '@acme.example' } },
    })],
    ['invitation.accepted', async () => {
      const joiner = await signUp(server.url);
      const token = randomBytes(32).toString('base64url');
      const invitation = await world.invitationFor(joiner.user.email, 'member', token);
      return {
        act: () => as(joiner, 'POST', '/api/invitations/accept', { token }),
        expected: { chain: acmeChain(), actor: user(joiner), target: { type: 'invitation', id: invitation.id, label: joiner.user.email } },
      };
    }],
    ['invitation.revoked', async () => {
      const invitation = await world.invitationFor(uniqueEmail('revoked'), 'member');
      return {
        act: () => as(who.owner, 'DELETE', `${org()}/invitations/${invitation.id}`),
        expected: { chain: acmeChain(), actor: user(who.owner), target: { type: 'invitation', id: invitation.id, label: invitation.email! } },
      };
    }],
    ['billing.plan_changed', async () => ({
      act: () => as(who.owner, 'POST', `${org()}/billing/demo`, { plan: 'pro' }),
      expected: { chain: acmeChain(), actor: user(who.owner), target: { type: 'organization', id: world.org.id, label: 'pro' } },
    })],
    ['billing.plan_changed', async () => ({
      act: () => as(platformAdmin, 'POST', `/api/admin/orgs/${world.org.id}/comp`, { plan: 'enterprise', reason: 'design partner' }),
      expected: { chain: acmeChain(), actor: { ...user(platformAdmin), type: 'admin' }, target: { type: 'organization', id: world.org.id, label: 'enterprise' } },
    })],
    ['pattern.deleted', async () => ({
      act: () => as(who.member, 'DELETE', `/api/patterns/${world.pattern.id}`),
      expected: { chain: acmeChain(), actor: user(who.member), target: { type: 'pattern', id: world.pattern.id, label: 'acme secret' } },
    })],
    ['pattern.deleted', async () => {
      const { apiKey, key } = await server.server.apiKeys.create(who.owner.user.id, world.org.id, 'Cleaner');
      const pattern = await server.server.patterns.teach(world.org.id, who.owner.user, { trigger: 'old news', response: 'gone soon' });
      return {
        act: () => as(undefined, 'DELETE', `/api/patterns/${pattern.id}`, undefined, { authorization: `Bearer ${key}` }),
        expected: { chain: acmeChain(), actor: { type: 'key', id: apiKey.id, label: apiKey.prefix }, target: { type: 'pattern', id: pattern.id, label: 'old news' } },
      };
    }],
    ['admin.org_suspended', async () => ({
      act: () => as(platformAdmin, 'POST', `/api/admin/orgs/${world.org.id}/suspend`, { reason: 'unpaid' }),
      expected: { chain: acmeChain(), actor: { ...user(platformAdmin), type: 'admin' }, target: { type: 'organization', id: world.org.id, label: world.org.name } },
    })],
    ['admin.org_unsuspended', async () => ({
      act: () => as(platformAdmin, 'POST', `/api/admin/orgs/${world.org.id}/unsuspend`),
      expected: { chain: acmeChain(), actor: { ...user(platformAdmin), type: 'admin' }, target: { type: 'organization', id: world.org.id, label: world.org.name } },
    })],
    ['admin.ticket_replied', async () => ({
      act: () => as(platformAdmin, 'POST', `/api/admin/tickets/${world.ticketId}/reply`, { message: 'On it.' }),
      expected: { chain: acmeChain(), actor: { ...user(platformAdmin), type: 'admin' }, target: { type: 'ticket', id: world.ticketId, label: who.member.user.email } },
    })],
    ['admin.ticket_closed', async () => ({
      act: () => as(platformAdmin, 'POST', `/api/admin/tickets/${world.ticketId}/close`),
      expected: { chain: acmeChain(), actor: { ...user(platformAdmin), type: 'admin' }, target: { type: 'ticket', id: world.ticketId, label: who.member.user.email } },
    })],
    ['ownership.transfer_offered', async () => ({
      act: () => as(who.owner, 'POST', `${org()}/ownership-transfer`, { userId: who.member.user.id }),
      expected: { chain: acmeChain(), actor: user(who.owner), target: user(who.member) },
    })],
    ['ownership.transferred', async () => ({
      act: () => as(who.member, 'POST', `${org()}/ownership-transfer/accept`),
      expected: { chain: acmeChain(), actor: user(who.member), target: user(who.owner) },
    })],
  ];

  it.each(ROWS)('%s', async (action, prepare) => {
    const row = await prepare();
    const since = await newestId();
    const res = await row.act();
    if (row.status) expect(res.status).toBe(row.status);
    else expect(res.status, res.text).toBeLessThan(300);
    const written = await ownerQuery<Record<string, unknown>>(server.db, 'SELECT * FROM audit_log WHERE id > $1 ORDER BY id', [since]);
    expect(written).toHaveLength(1);
    const [entry] = written;
    const { actor, target, chain } = row.expected;
    expect(entry).toMatchObject({
      action,
      chain,
      org_id: chain === 'platform' ? null : chain,
      actor_type: actor.type,
      actor_label: actor.label,
      ...(actor.id !== undefined ? { actor_id: actor.id } : {}),
      target_type: target.type,
      target_label: target.label,
      ...(target.id !== undefined ? { target_id: target.id } : {}),
      ip: expect.stringMatching(/127\.0\.0\.1/),
      user_agent: expect.any(String),
      request_id: expect.any(String),
      prev_hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });
});

describe.each(ENGINES)('a plan changed by Stripe\'s webhook writes one entry, by the system, on %s', (engine) => {
  let server: TestServer;
  let stripe: StripeStandIn;
  beforeAll(async () => {
    stripe = await startStripeStandIn(() => `${server.url}/api/stripe/webhook`);
    server = await startTestServer({ engine, env: stripe.env });
  });
  afterAll(async () => {
    await server?.close();
    await stripe?.close();
  });

  it('billing.plan_changed (webhook)', async () => {
    const orgId: string = (await server.api('GET', '/api/orgs')).json.activeOrgId;
    const { url } = (await server.api('POST', `/api/orgs/${orgId}/billing/checkout`, { plan: 'pro' })).json;
    await stripe.pay(url.split('/').at(-1)); // two events: checkout completed, subscription created
    const written = await ownerQuery<Record<string, unknown>>(server.db, 'SELECT * FROM audit_log WHERE org_id = $1', [orgId]);
    expect(written).toHaveLength(1); // the second event changed nothing, and is no event
    expect(written[0]).toMatchObject({
      action: 'billing.plan_changed',
      actor_type: 'system',
      actor_id: null,
      target_type: 'organization',
      target_id: orgId,
      summary: { via: 'webhook', before: { plan: 'free', status: 'active' }, after: { plan: 'pro', status: 'active', subscription: 'active' } },
    });
  });
});
