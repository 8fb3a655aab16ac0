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

    it('lets every signed-in person on the domain join with its role, each once', async () => {
      const world = await acme(server, who);
      const acmeDomain = domain();
      const made = await as(server.url, who, 'admin')('POST', `/api/orgs/${world.org.id}/domain-invitations`, { domain: ` ${acmeDomain.toUpperCase()} `, role: 'viewer' });
      expect(made.status).toBe(201);
      expect(made.json.invitation).toMatchObject({ email: null, domain: acmeDomain, role: 'viewer', acceptedAt: null });
      const listed = (await as(server.url, who, 'admin')('GET', `/api/orgs/${world.org.id}/invitations`)).json.invitations;
      expect(listed.map((i: { domain: string | null }) => i.domain)).toContain(acmeDomain);

      for (const name of ['ada', 'bob']) {
        const person = await signUp(server.url, `${name}-${randomBytes(3).toString('hex')}@${acmeDomain}`);
        const res = await accept(person, tokenOf(made.json.link));
        expect([name, res.status, res.json.org?.role]).toEqual([name, 200, 'viewer']);
        const again = await accept(person, tokenOf(made.json.link));
        expect(again.json.error.code).toBe('already_member');
      }
    });

    it('refuses, with 403 and nothing changed, emails on another domain (look-alikes and subdomains too)', async () => {
      const world = await acme(server, who);
      const acmeDomain = domain();
      const made = await as(server.url, who, 'owner')('POST', `/api/orgs/${world.org.id}/domain-invitations`, { domain: acmeDomain });
      const strangers = [`eve@other-${acmeDomain}`, `eve@sub.${acmeDomain}`, `eve@${acmeDomain}.evil.example`, `${acmeDomain}@evil.example`];
      const sessions = await Promise.all(strangers.map((email) => signUp(server.url, email.replace('eve@', `eve-${randomBytes(2).toString('hex')}@`))));
      const before = await snapshot(server);
      for (const session of sessions) {
        const res = await accept(session, tokenOf(made.json.link));
        expect([session.user.email, res.status, res.json.error.code]).toEqual([session.user.email, 403, 'invitation_wrong_domain']);
        expect(res.json.error.message).toContain(acmeDomain);
      }
      expect(await snapshot(server)).toEqual(before);
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
