import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, ownerQuery, signUp, startTestServer, uniqueEmail, type Session, type TestServer } from './helpers';
import { acme, as, people, snapshot, type People } from './tenancy';

describe.each(ENGINES)('invitations on %s', (engine) => {
  let server: TestServer;
  let who: People;
  beforeAll(async () => {
    server = await startTestServer({ engine });
    who = await people(server.url);
  });
  afterAll(() => server?.close());

  const accept = (session: Session, token: string) => as(server.url, { ...who, outsider: session }, 'outsider')('POST', '/api/invitations/accept', { token });
  const tokenOf = (link: string) => new URL(link).hash.slice(1);

  it('invite → mail with the link → the invited person accepts and joins with the role, and shares the brain', async () => {
    const world = await acme(server, who);
    const email = uniqueEmail('dana');
    const created = await as(server.url, who, 'admin')('POST', `/api/orgs/${world.org.id}/invitations`, { email, role: 'admin' });
    expect(created.status).toBe(201);
    expect(created.json.link).toMatch(/^http:\/\/localhost:3005\/invite#[\w-]{43}$/);
    expect(created.json.invitation).toMatchObject({ email, role: 'admin', acceptedAt: null, invitedBy: who.admin.user.email });
    const mail = server.outbox.list().find((m) => m.to === email);
    expect(mail?.text).toContain(created.json.link);
    // Only the token's hash is stored.
    const stored = JSON.stringify(await ownerQuery(server.db, 'SELECT * FROM invitations WHERE email = $1', [email]));
    expect(stored).not.toContain(tokenOf(created.json.link));

    const dana = await signUp(server.url, email);
    const res = await accept(dana, tokenOf(created.json.link));
    expect(res.status).toBe(200);
    expect(res.json.org).toMatchObject({ id: world.org.id, role: 'admin' });
    // Accepting made Acme the active organization: Dana's chat knows Acme's pattern.
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('org='))!.split(';')[0]!;
    const chat = await fetch(`${server.url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `${dana.cookie}; ${cookie}` },
      body: JSON.stringify({ message: 'acme secret' }),
    });
    expect((await chat.json()).reply.text).toBe('the vault code is 1234');
  });

  it('refuses, with a clear 4xx and nothing changed: reused, expired, wrong email, already a member, unknown', async () => {
    const world = await acme(server, who);
    const eve = await signUp(server.url, uniqueEmail('eve'));
    const invite = async (email: string) =>
      tokenOf((await as(server.url, who, 'owner')('POST', `/api/orgs/${world.org.id}/invitations`, { email, role: 'member' })).json.link);

    const used = await invite(eve.user.email);
    expect((await accept(eve, used)).status).toBe(200);
    const late = uniqueEmail('late');
    const expired = await invite(late);
    await ownerQuery(server.db, "UPDATE invitations SET expires_at = now() - interval '1 second' WHERE email = $1", [late]); // 7 days later
    const lateUser = await signUp(server.url, late);
    const forSomeoneElse = await invite(uniqueEmail('someone'));

    const cases: [string, Session, string, number, string][] = [
      ['reused', eve, used, 409, 'invitation_used'],
      ['expired', lateUser, expired, 410, 'invitation_expired'],
      ['wrong email', eve, forSomeoneElse, 403, 'invitation_wrong_email'],
      ['unknown token', eve, 'x'.repeat(43), 404, 'not_found'],
    ];
    const before = await snapshot(server);
    for (const [name, session, token, status, code] of cases) {
      const res = await accept(session, token);
      expect([name, res.status, res.json.error.code]).toEqual([name, status, code]);
    }
    // An invitation to someone who is a member already: refused when made.
    const again = await as(server.url, who, 'owner')('POST', `/api/orgs/${world.org.id}/invitations`, { email: who.member.user.email, role: 'member' });
    expect([again.status, again.json.error.code]).toEqual([409, 'already_member']);
    expect(await snapshot(server)).toEqual(before);
  });

  it('an invitation made before its invitee joined another way answers already_member, and stays unused', async () => {
    const world = await acme(server, who);
    const frank = await signUp(server.url, uniqueEmail('frank'));
    const first = tokenOf((await as(server.url, who, 'owner')('POST', `/api/orgs/${world.org.id}/invitations`, { email: frank.user.email })).json.link);
    const invitation = await world.invitationFor(frank.user.email, 'admin', 'second-token-for-frank-0123456789abcdefghijk');
    expect((await accept(frank, first)).status).toBe(200);
    const res = await accept(frank, 'second-token-for-frank-0123456789abcdefghijk');
    expect([res.status, res.json.error.code]).toEqual([409, 'already_member']);
    const [row] = await ownerQuery(server.db, 'SELECT accepted_at FROM invitations WHERE id = $1', [invitation.id]);
    expect(row).toEqual({ accepted_at: null });
  });

  it('concurrent accepts of one invitation: exactly one joins', async () => {
    const world = await acme(server, who);
    const gina = await signUp(server.url, uniqueEmail('gina'));
    const token = tokenOf((await as(server.url, who, 'owner')('POST', `/api/orgs/${world.org.id}/invitations`, { email: gina.user.email })).json.link);
    const results = await Promise.all(Array.from({ length: 6 }, () => accept(gina, token)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    const members = await ownerQuery(server.db, 'SELECT role FROM memberships WHERE org_id = $1 AND user_id = $2', [world.org.id, gina.user.id]);
    expect(members).toEqual([{ role: 'member' }]);
  });

  it('a revoked invitation no longer opens anything', async () => {
    const world = await acme(server, who);
    const hank = await signUp(server.url, uniqueEmail('hank'));
    const created = (await as(server.url, who, 'admin')('POST', `/api/orgs/${world.org.id}/invitations`, { email: hank.user.email })).json;
    expect((await as(server.url, who, 'admin')('DELETE', `/api/orgs/${world.org.id}/invitations/${created.invitation.id}`)).status).toBe(204);
    expect((await accept(hank, tokenOf(created.link))).status).toBe(404);
  });

  it('an admin cannot invite an owner; an owner can', async () => {
    const world = await acme(server, who);
    const byAdmin = await as(server.url, who, 'admin')('POST', `/api/orgs/${world.org.id}/invitations`, { email: uniqueEmail(), role: 'owner' });
    expect([byAdmin.status, byAdmin.json.error.code]).toEqual([403, 'forbidden']);
    expect((await as(server.url, who, 'owner')('POST', `/api/orgs/${world.org.id}/invitations`, { email: uniqueEmail(), role: 'owner' })).status).toBe(201);
  });
});
