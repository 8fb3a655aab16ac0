import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, ownerQuery, startTestServer, type TestServer } from './helpers';
import { acme, as, people, snapshot, type Actor, type People } from './tenancy';

describe.each(ENGINES)('the two-step ownership transfer on %s', (engine) => {
  let server: TestServer;
  let who: People;
  beforeAll(async () => {
    server = await startTestServer({ engine });
    who = await people(server.url);
  });
  afterAll(() => server?.close());

  /** Acme, and the calls of its transfer as each person. */
  async function setUp() {
    const world = await acme(server, who);
    const base = `/api/orgs/${world.org.id}/ownership-transfer`;
    const by = (actor: Actor) => as(server.url, who, actor, world.org.id);
    const roles = async () =>
      Object.fromEntries(
        ((await by('owner')('GET', `/api/orgs/${world.org.id}/members`)).json.members as { email: string; role: string }[]).map((m) => [m.email, m.role]),
      );
    return { world, base, by, roles };
  }

  it('offer → nothing changes → only the member offered it accepts → they are owner, the old owner admin', async () => {
    const { base, by, roles } = await setUp();
    const before = await roles();
    const offer = await by('owner')('POST', base, { userId: who.member.user.id });
    expect(offer.status).toBe(201);
    expect(offer.json.transfer).toMatchObject({ from: { email: who.owner.user.email }, to: { email: who.member.user.email } });
    expect(await roles()).toEqual(before); // an offer changes no role

    // The member sees it; so does everyone in the organization.
    expect((await by('member')('GET', base)).json.transfer.to.userId).toBe(who.member.user.id);
    // Nobody else can take it.
    for (const actor of ['admin', 'viewer', 'owner'] as const) {
      const res = await by(actor)('POST', `${base}/accept`);
      expect([actor, res.status, res.json.error.code]).toEqual([actor, 403, 'forbidden']);
    }
    expect(await roles()).toEqual(before);

    const accepted = await by('member')('POST', `${base}/accept`);
    expect([accepted.status, accepted.json.org.role]).toEqual([200, 'owner']);
    expect(await roles()).toEqual({ ...before, [who.member.user.email]: 'owner', [who.owner.user.email]: 'admin' });
    expect((await by('member')('GET', base)).json.transfer).toBeNull(); // used up
    expect((await by('member')('POST', `${base}/accept`)).status).toBe(404);
  });

  it('declined: roles stay, the offer is gone', async () => {
    const { base, by, roles } = await setUp();
    const before = await roles();
    await by('owner')('POST', base, { userId: who.member.user.id });
    expect((await by('admin')('POST', `${base}/decline`)).status).toBe(403); // not theirs to decline
    expect((await by('member')('POST', `${base}/decline`)).status).toBe(204);
    expect((await by('owner')('GET', base)).json.transfer).toBeNull();
    expect((await by('member')('POST', `${base}/accept`)).status).toBe(404);
    expect(await roles()).toEqual(before);
  });

  it('cancelled by the owner: the member can no longer accept', async () => {
    const { base, by, roles } = await setUp();
    const before = await roles();
    await by('owner')('POST', base, { userId: who.member.user.id });
    expect((await by('admin')('DELETE', base)).status).toBe(403);
    expect((await by('owner')('DELETE', base)).status).toBe(204);
    const late = await by('member')('POST', `${base}/accept`);
    expect([late.status, late.json.error.code]).toEqual([404, 'not_found']);
    expect(await roles()).toEqual(before);
  });

  it('expires: not shown, 410 on accepting, and the owner may offer again', async () => {
    const { world, base, by, roles } = await setUp();
    const before = await roles();
    const offer = await by('owner')('POST', base, { userId: who.member.user.id });
    expect(new Date(offer.json.transfer.expiresAt).getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000); // 7 days
    await ownerQuery(server.db, "UPDATE ownership_transfers SET expires_at = now() - interval '1 second' WHERE org_id = $1", [world.org.id]);
    expect((await by('member')('GET', base)).json.transfer).toBeNull();
    const late = await by('member')('POST', `${base}/accept`);
    expect([late.status, late.json.error.code]).toEqual([410, 'transfer_expired']);
    expect(await roles()).toEqual(before);
    expect((await by('owner')('POST', base, { userId: who.admin.user.id })).status).toBe(201); // the expired one made way
  });

  it('one pending offer per organization; only to another member who is not an owner; only by an owner', async () => {
    const { world, base, by } = await setUp();
    expect((await by('admin')('POST', base, { userId: who.member.user.id })).json.error.code).toBe('forbidden');
    const toSelf = await by('owner')('POST', base, { userId: who.owner.user.id });
    expect(toSelf.status).toBe(404);
    const toOutsider = await by('owner')('POST', base, { userId: who.outsider.user.id });
    expect(toOutsider.status).toBe(404);
    expect((await by('owner')('POST', base, { userId: 'not-a-uuid' })).status).toBe(404);
    expect((await by('owner')('POST', base, {})).json.error.code).toBe('invalid_request');
    expect((await by('owner')('POST', base, { userId: world.target.user.id })).status).toBe(201);
    const second = await by('owner')('POST', base, { userId: who.member.user.id });
    expect([second.status, second.json.error.code]).toEqual([409, 'transfer_pending']);
  });

  it('an offer lapses when the owner who made it is no owner any more', async () => {
    const { world, base, by, roles } = await setUp();
    await by('owner')('PATCH', `/api/orgs/${world.org.id}/members/${who.admin.user.id}`, { role: 'owner' }); // a second owner
    await by('owner')('POST', base, { userId: who.member.user.id });
    await by('admin')('PATCH', `/api/orgs/${world.org.id}/members/${who.owner.user.id}`, { role: 'member' }); // the offerer is demoted
    const before = await roles();
    const res = await by('member')('POST', `${base}/accept`);
    expect([res.status, res.json.error.code]).toEqual([404, 'not_found']);
    expect(await roles()).toEqual(before);
  });

  it('the last owner cannot be demoted or removed, whatever the new role (viewer included)', async () => {
    const { world, by } = await setUp();
    for (const role of ['admin', 'member', 'viewer']) {
      const res = await by('owner')('PATCH', `/api/orgs/${world.org.id}/members/${who.owner.user.id}`, { role });
      expect([role, res.status, res.json.error.code]).toEqual([role, 409, 'last_owner']);
    }
    expect((await by('owner')('DELETE', `/api/orgs/${world.org.id}/members/${who.owner.user.id}`)).json.error.code).toBe('last_owner');
  });

  it('another organization can neither see, make, accept nor cancel Acme’s offer (404), and nothing changes', async () => {
    const { base, by } = await setUp();
    await by('owner')('POST', base, { userId: who.member.user.id });
    const before = await snapshot(server);
    const outsider = by('outsider');
    for (const [method, path] of [['GET', base], ['POST', base], ['DELETE', base], ['POST', `${base}/accept`], ['POST', `${base}/decline`]] as const) {
      const res = await outsider(method, path, method === 'POST' && path === base ? { userId: who.outsider.user.id } : undefined);
      expect([method, path, res.status]).toEqual([method, path, 404]);
    }
    expect(await snapshot(server)).toEqual(before);
  });
});
