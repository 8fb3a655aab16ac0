import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, ownerQuery, signUp, startTestServer, uniqueEmail, type Session, type TestServer } from './helpers';
import { acme, as, people, snapshot, type People } from './tenancy';

describe.each(ENGINES)('resending invitations, and invitations for an email domain, on %s', (engine) => {
  let server: TestServer;
  let who: People;
  beforeAll(async () => {
    server = await startTestServer({ engine });
    who = await people(server.url);
  });
  afterAll(() => server?.close());

  const accept = (session: Session, token: string) => as(server.url, { ...who, outsider: session }, 'outsider')('POST', '/api/invitations/accept', { token });
  const tokenOf = (link: string) => new URL(link).hash.slice(1);
  /** As if the last mail went out an hour ago: past the resend throttle. */
  const anHourAgo = (id: string) => ownerQuery(server.db, "UPDATE invitations SET sent_at = now() - interval '1 hour' WHERE id = $1", [id]);

  describe('resend', () => {
    it('mails a new link; the old link is dead, the new one joins', async () => {
      const world = await acme(server, who);
      const email = uniqueEmail('rita');
      const admin = as(server.url, who, 'admin', world.org.id);
      const first = await admin('POST', `/api/orgs/${world.org.id}/invitations`, { email, role: 'member' });
      await anHourAgo(first.json.invitation.id);
      const again = await admin('POST', `/api/orgs/${world.org.id}/invitations/${first.json.invitation.id}/resend`);
      expect(again.status).toBe(200);
      expect(again.json.link).not.toBe(first.json.link);
      expect(again.json.invitation).toMatchObject({ id: first.json.invitation.id, email, acceptedAt: null });
      const mails = server.outbox.list().filter((m) => m.to === email);
      expect(mails).toHaveLength(2); // mailed again, with the new link
      expect(mails.filter((m) => m.text.includes(again.json.link))).toHaveLength(1);

      const rita = await signUp(server.url, email);
      const old = await accept(rita, tokenOf(first.json.link));
      expect([old.status, old.json.error.code]).toEqual([404, 'not_found']);
      const joined = await accept(rita, tokenOf(again.json.link));
      expect([joined.status, joined.json.org.id]).toEqual([200, world.org.id]);
    });

    it('is throttled: once a minute per invitation (429 with Retry-After), and nothing changes', async () => {
      const world = await acme(server, who);
      const path = `/api/orgs/${world.org.id}/invitations/${world.invitation.id}/resend`;
      const owner = as(server.url, who, 'owner', world.org.id);
      expect((await owner('POST', path)).status).toBe(200);
      const before = await snapshot(server);
      const mailsBefore = server.outbox.list().length;
      const soon = await owner('POST', path);
      expect([soon.status, soon.json.error.code]).toEqual([429, 'too_many_attempts']);
      expect(Number(soon.headers.get('retry-after'))).toBeGreaterThan(50);
      expect(await snapshot(server)).toEqual(before);
      expect(server.outbox.list()).toHaveLength(mailsBefore);
    });

    it('refuses members and viewers (403), accepted and unknown invitations (404), and other organizations (404)', async () => {
      const world = await acme(server, who);
      const path = `/api/orgs/${world.org.id}/invitations/${world.invitation.id}/resend`;
      const before = await snapshot(server);
      expect((await as(server.url, who, 'member', world.org.id)('POST', path)).status).toBe(403);
      expect((await as(server.url, who, 'viewer', world.org.id)('POST', path)).status).toBe(403);
      expect((await as(server.url, who, 'outsider')('POST', path)).status).toBe(404);
      expect((await as(server.url, who, 'owner')('POST', `/api/orgs/${world.org.id}/invitations/${crypto.randomUUID()}/resend`)).status).toBe(404);
      expect(await snapshot(server)).toEqual(before);

      const email = uniqueEmail('done');
      const made = await as(server.url, who, 'owner')('POST', `/api/orgs/${world.org.id}/invitations`, { email });
      expect((await accept(await signUp(server.url, email), tokenOf(made.json.link))).status).toBe(200);
      await anHourAgo(made.json.invitation.id);
      const used = await as(server.url, who, 'owner')('POST', `/api/orgs/${world.org.id}/invitations/${made.json.invitation.id}/resend`);
      expect(used.status).toBe(404);
    });
  });

  describe('a domain invitation', () => {
    const domain = () => `${randomBytes(4).toString('hex')}.example`;
    const onDomain = (name: string, on: string) => `${name}-${randomBytes(3).toString('hex')}@${on}`;
    /** The organizations a person belongs to, as their switcher lists them. */
    const orgIdsOf = async (session: Session) =>
      (await as(server.url, { ...who, outsider: session }, 'outsider')('GET', '/api/orgs')).json.orgs.map((o: { id: string }) => o.id);
    /** The invitation links mailed to `email`, newest first (as the outbox lists them). */
    const linksMailedTo = (email: string) =>
      server.outbox
        .list()
        .filter((m) => m.to === email)
        .map((m) => /\S+\/invite#\S+/.exec(m.text)![0]);
    const makeLink = async (orgId: string, on: string, role = 'member') =>
      (await as(server.url, who, 'admin')('POST', `/api/orgs/${orgId}/domain-invitations`, { domain: on, role })).json.link as string;

    it('does not join: it mails an invitation to the address the person signed in with, and says so (202)', async () => {
      const world = await acme(server, who);
      const acmeDomain = domain();
      const made = await as(server.url, who, 'admin')('POST', `/api/orgs/${world.org.id}/domain-invitations`, { domain: ` ${acmeDomain.toUpperCase()} `, role: 'viewer' });
      expect(made.status).toBe(201);
      expect(made.json.invitation).toMatchObject({ email: null, domain: acmeDomain, role: 'viewer', acceptedAt: null });
      expect(server.outbox.list().some((m) => m.text.includes(made.json.link))).toBe(false); // the admin shares it

      const ada = await signUp(server.url, onDomain('ada', acmeDomain));
      const res = await accept(ada, tokenOf(made.json.link));
      expect([res.status, res.json]).toEqual([202, { mailed: { to: ada.user.email, organization: world.org.name } }]);
      expect(await orgIdsOf(ada)).not.toContain(world.org.id);
      const [mailed] = linksMailedTo(ada.user.email);
      expect(mailed).not.toBe(made.json.link);
      // The admin sees the mailed invitation, with the domain link's role, as any pending email invitation.
      const listed = (await as(server.url, who, 'admin')('GET', `/api/orgs/${world.org.id}/invitations`)).json.invitations;
      expect(listed).toEqual(expect.arrayContaining([expect.objectContaining({ email: ada.user.email, role: 'viewer', acceptedAt: null })]));
    });

    it('joins through the mailed link, with the role of the domain link, each person once', async () => {
      const world = await acme(server, who);
      const on = domain();
      const link = await makeLink(world.org.id, on, 'viewer');
      for (const name of ['ada', 'bob']) {
        const person = await signUp(server.url, onDomain(name, on));
        expect((await accept(person, tokenOf(link))).status).toBe(202);
        const [mailed] = linksMailedTo(person.user.email);
        const joined = await accept(person, tokenOf(mailed!));
        expect([name, joined.status, joined.json.org?.id, joined.json.org?.role]).toEqual([name, 200, world.org.id, 'viewer']);
        expect(await orgIdsOf(person)).toContain(world.org.id);
        expect((await accept(person, tokenOf(link))).json.error.code).toBe('already_member');
        expect((await accept(person, tokenOf(mailed!))).json.error.code).toBe('invitation_used');
      }
    });

    it('does not let someone who signed up with the address, but cannot read its mail, join', async () => {
      const world = await acme(server, who);
      const acmeDomain = domain();
      const link = await makeLink(world.org.id, acmeDomain, 'admin');
      // Eve signed up as the CEO: sign-up does not verify emails. The mail goes to the CEO's inbox.
      const eve = await signUp(server.url, onDomain('ceo', acmeDomain));
      expect((await accept(eve, tokenOf(link))).status).toBe(202);
      expect(await orgIdsOf(eve)).not.toContain(world.org.id);
      // Opening the domain link again only mails again (throttled), and a guessed token opens nothing.
      expect((await accept(eve, tokenOf(link))).status).toBe(429);
      expect((await accept(eve, randomBytes(32).toString('base64url'))).status).toBe(404);
      // The mailed link, forwarded to another account on the domain, is not theirs either.
      const mallory = await signUp(server.url, onDomain('mallory', acmeDomain));
      const forwarded = await accept(mallory, tokenOf(linksMailedTo(eve.user.email)[0]!));
      expect([forwarded.status, forwarded.json.error.code]).toEqual([403, 'invitation_wrong_email']);
      expect(await orgIdsOf(eve)).not.toContain(world.org.id);
      expect(await orgIdsOf(mallory)).not.toContain(world.org.id);
    });

    it('mails once a minute per person and link (429 with Retry-After, nothing changed); later, a new link replaces the old', async () => {
      const world = await acme(server, who);
      const acmeDomain = domain();
      const link = await makeLink(world.org.id, acmeDomain);
      const ada = await signUp(server.url, onDomain('ada', acmeDomain));
      expect((await accept(ada, tokenOf(link))).status).toBe(202);
      const before = await snapshot(server);
      const soon = await accept(ada, tokenOf(link));
      expect([soon.status, soon.json.error.code]).toEqual([429, 'too_many_attempts']);
      expect(Number(soon.headers.get('retry-after'))).toBeGreaterThan(50);
      expect(await snapshot(server)).toEqual(before);
      expect(linksMailedTo(ada.user.email)).toHaveLength(1);

      // Another person on the domain is not held up by Ada's mail.
      const bob = await signUp(server.url, onDomain('bob', acmeDomain));
      expect((await accept(bob, tokenOf(link))).status).toBe(202);

      await ownerQuery(server.db, "UPDATE invitations SET sent_at = now() - interval '1 hour' WHERE email = $1", [ada.user.email]);
      expect((await accept(ada, tokenOf(link))).status).toBe(202);
      const [newer, older] = linksMailedTo(ada.user.email);
      expect((await accept(ada, tokenOf(older!))).status).toBe(404); // the old mailed link stopped working
      expect((await accept(ada, tokenOf(newer!))).json.org?.id).toBe(world.org.id);
    });

    it('revoked, also stops the links it mailed that were not opened yet', async () => {
      const world = await acme(server, who);
      const acmeDomain = domain();
      const made = await as(server.url, who, 'admin')('POST', `/api/orgs/${world.org.id}/domain-invitations`, { domain: acmeDomain });
      const ada = await signUp(server.url, onDomain('ada', acmeDomain));
      const bob = await signUp(server.url, onDomain('bob', acmeDomain));
      await accept(ada, tokenOf(made.json.link));
      await accept(bob, tokenOf(made.json.link));
      expect((await accept(bob, tokenOf(linksMailedTo(bob.user.email)[0]!))).status).toBe(200);
      const owner = as(server.url, who, 'owner', world.org.id);
      expect((await owner('DELETE', `/api/orgs/${world.org.id}/invitations/${made.json.invitation.id}`)).status).toBe(204);
      expect((await accept(ada, tokenOf(linksMailedTo(ada.user.email)[0]!))).status).toBe(404);
      const listed = (await owner('GET', `/api/orgs/${world.org.id}/invitations`)).json.invitations.map((i: { email: string | null }) => i.email);
      expect([listed.includes(ada.user.email), listed.includes(bob.user.email)]).toEqual([false, true]); // accepted ones stay, as history
    });

    it('refuses, with 403 and nothing changed, emails on another domain (look-alikes and subdomains too)', async () => {
      const world = await acme(server, who);
      const acmeDomain = domain();
      const made = await as(server.url, who, 'owner')('POST', `/api/orgs/${world.org.id}/domain-invitations`, { domain: acmeDomain });
      const strangers = [`eve@other-${acmeDomain}`, `eve@sub.${acmeDomain}`, `eve@${acmeDomain}.evil.example`, `${acmeDomain}@evil.example`];
      const sessions = await Promise.all(strangers.map((email) => signUp(server.url, email.replace('eve@', `eve-${randomBytes(2).toString('hex')}@`))));
      const before = await snapshot(server);
      const mailsBefore = server.outbox.list().length;
      for (const session of sessions) {
        const res = await accept(session, tokenOf(made.json.link));
        expect([session.user.email, res.status, res.json.error.code]).toEqual([session.user.email, 403, 'invitation_wrong_domain']);
        expect(res.json.error.message).toContain(acmeDomain);
      }
      expect(await snapshot(server)).toEqual(before);
      expect(server.outbox.list()).toHaveLength(mailsBefore);
    });

    it('stops working once revoked (404) or expired (410)', async () => {
      const world = await acme(server, who);
      const owner = as(server.url, who, 'owner', world.org.id);
      const acmeDomain = domain();
      const revoked = await owner('POST', `/api/orgs/${world.org.id}/domain-invitations`, { domain: acmeDomain });
      const expired = await owner('POST', `/api/orgs/${world.org.id}/domain-invitations`, { domain: acmeDomain });
      expect((await owner('DELETE', `/api/orgs/${world.org.id}/invitations/${revoked.json.invitation.id}`)).status).toBe(204);
      await ownerQuery(server.db, "UPDATE invitations SET expires_at = now() - interval '1 second' WHERE id = $1", [expired.json.invitation.id]);
      const person = await signUp(server.url, `late-${randomBytes(3).toString('hex')}@${acmeDomain}`);
      expect((await accept(person, tokenOf(revoked.json.link))).status).toBe(404);
      expect((await accept(person, tokenOf(expired.json.link))).json.error.code).toBe('invitation_expired');
    });

    it('refuses bad input, owner links, members and other organizations, with nothing made', async () => {
      const world = await acme(server, who);
      const path = `/api/orgs/${world.org.id}/domain-invitations`;
      const owner = as(server.url, who, 'owner', world.org.id);
      const before = await snapshot(server);
      for (const body of [{}, { domain: '@acme.com' }, { domain: 'acme' }, { domain: 'https://acme.com' }, { domain: 'a..com' }, { domain: 'acme.com', role: 'owner' }]) {
        const res = await owner('POST', path, body);
        expect([JSON.stringify(body), res.status, res.json.error.code]).toEqual([JSON.stringify(body), 400, 'invalid_request']);
      }
      expect((await as(server.url, who, 'member', world.org.id)('POST', path, { domain: 'acme.com' })).status).toBe(403);
      expect((await as(server.url, who, 'outsider')('POST', path, { domain: 'acme.com' })).status).toBe(404);
      // A domain invitation has nobody to mail: resending it is not a thing.
      expect(await snapshot(server)).toEqual(before);
      const made = await owner('POST', path, { domain: domain() });
      expect((await owner('POST', `/api/orgs/${world.org.id}/invitations/${made.json.invitation.id}/resend`)).status).toBe(404);
    });
  });
});
