import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, ownerQuery, startTestServer, type TestServer } from './helpers';
import { acme, as, people, type People } from './tenancy';

describe.each(ENGINES)('organizations and members on %s', (engine) => {
  let server: TestServer;
  let who: People;
  beforeAll(async () => {
    server = await startTestServer({ engine });
    who = await people(server.url);
  });
  afterAll(() => server?.close());

  it('signup made a personal organization, owned by the new user, with the examples, taught by them', async () => {
    const owner = as(server.url, who, 'outsider');
    const { orgs, activeOrgId } = (await owner('GET', '/api/orgs')).json;
    expect(orgs).toEqual([expect.objectContaining({ role: 'owner', plan: 'free', name: expect.stringContaining("'s organization") })]);
    expect(activeOrgId).toBe(orgs[0].id);
    const { patterns } = (await owner('GET', '/api/patterns')).json;
    expect(patterns.length).toBeGreaterThan(0);
    for (const pattern of patterns) expect(pattern.createdBy).toEqual({ id: who.outsider.user.id, email: who.outsider.user.email });
  });

  it('switching organization changes what chat knows', async () => {
    const world = await acme(server, who);
    const member = (orgId?: string) => as(server.url, who, 'member', orgId);
    const personal = (await member()('GET', '/api/orgs')).json.orgs.find((o: { role: string }) => o.role === 'owner').id;
    expect((await member(world.org.id)('POST', '/api/chat', { message: 'acme secret' })).json.reply.text).toBe('the vault code is 1234');
    expect((await member(personal)('POST', '/api/chat', { message: 'acme secret' })).json.reply.patternId).toBeNull();
    const activated = await member()('POST', `/api/orgs/${world.org.id}/activate`);
    expect(activated.json.org).toMatchObject({ id: world.org.id, role: 'member' });
    expect(activated.headers.getSetCookie()[0]).toMatch(new RegExp(`^org=${world.org.id}; Path=/; HttpOnly; SameSite=Lax`));
  });

  it('members see who taught each pattern of their organization', async () => {
    const world = await acme(server, who);
    await as(server.url, who, 'member', world.org.id)('POST', '/api/patterns', { trigger: 'taught by the member', response: 'ok' });
    const { patterns } = (await as(server.url, who, 'admin', world.org.id)('GET', '/api/patterns')).json;
    expect(patterns.map((p: { trigger: string; createdBy: { email: string } }) => [p.trigger, p.createdBy.email])).toEqual([
      ['taught by the member', who.member.user.email], // newest first
      ['acme secret', who.owner.user.email],
    ]);
  });

  it('the last owner cannot be demoted, removed, or leave; with a second owner they can', async () => {
    const world = await acme(server, who);
    const owner = as(server.url, who, 'owner');
    const me = `/api/orgs/${world.org.id}/members/${who.owner.user.id}`;
    for (const [method, body] of [['PATCH', { role: 'admin' }], ['DELETE', undefined]] as const) {
      const res = await owner(method, me, body);
      expect([res.status, res.json.error.code]).toEqual([409, 'last_owner']);
    }
    expect((await owner('PATCH', `/api/orgs/${world.org.id}/members/${who.admin.user.id}`, { role: 'owner' })).status).toBe(200);
    expect((await owner('DELETE', me)).status).toBe(204); // leaving
    const { members } = (await as(server.url, who, 'admin')('GET', `/api/orgs/${world.org.id}/members`)).json;
    expect(members.filter((m: { role: string }) => m.role === 'owner').map((m: { userId: string }) => m.userId)).toEqual([who.admin.user.id]);
  });

  it('two owners demoting each other at once: one stays owner', async () => {
    const world = await acme(server, who);
    await as(server.url, who, 'owner')('PATCH', `/api/orgs/${world.org.id}/members/${who.admin.user.id}`, { role: 'owner' });
    const [a, b] = await Promise.all([
      as(server.url, who, 'owner')('PATCH', `/api/orgs/${world.org.id}/members/${who.admin.user.id}`, { role: 'member' }),
      as(server.url, who, 'admin')('PATCH', `/api/orgs/${world.org.id}/members/${who.owner.user.id}`, { role: 'member' }),
    ]);
    // The loser is either no owner any more (403) or would remove the last one (409).
    const [first, second] = [a.status, b.status].sort();
    expect(first).toBe(200);
    expect([403, 409]).toContain(second);
    const owners = await ownerQuery(server.db, "SELECT user_id FROM memberships WHERE org_id = $1 AND role = 'owner'", [world.org.id]);
    expect(owners).toHaveLength(1);
  });

  it('an admin cannot demote or remove an owner, nor make one; a member leaves on their own', async () => {
    const world = await acme(server, who);
    const admin = as(server.url, who, 'admin');
    expect((await admin('PATCH', `/api/orgs/${world.org.id}/members/${who.owner.user.id}`, { role: 'member' })).status).toBe(403);
    expect((await admin('DELETE', `/api/orgs/${world.org.id}/members/${who.owner.user.id}`)).status).toBe(403);
    expect((await admin('PATCH', `/api/orgs/${world.org.id}/members/${world.target.user.id}`, { role: 'owner' })).status).toBe(403);
    expect((await as(server.url, who, 'member')('DELETE', `/api/orgs/${world.org.id}/members/${who.member.user.id}`)).status).toBe(204);
    expect((await as(server.url, who, 'member')('GET', `/api/orgs/${world.org.id}/members`)).status).toBe(404);
  });

  it('deleting an organization takes its name typed again, then removes its members, invitations and patterns', async () => {
    const world = await acme(server, who);
    const owner = as(server.url, who, 'owner', world.org.id);
    const wrong = await owner('DELETE', `/api/orgs/${world.org.id}`, { confirm: 'acme' });
    expect([wrong.status, wrong.json.error.code]).toEqual([400, 'confirmation_mismatch']);
    expect((await owner('DELETE', `/api/orgs/${world.org.id}`, { confirm: world.org.slug })).status).toBe(204);
    for (const table of ['memberships', 'invitations', 'patterns']) {
      expect(await ownerQuery(server.db, `SELECT 1 FROM ${table} WHERE org_id = $1`, [world.org.id]), table).toEqual([]);
    }
    // The cookie still names it: the next request acts on the owner's first organization instead.
    const chat = await owner('POST', '/api/chat', { message: 'acme secret' });
    expect([chat.status, chat.json.reply.patternId]).toEqual([200, null]);
  });

  it('someone who left every organization is told so, and can found a new one', async () => {
    const world = await acme(server, who);
    const lonely = (await server.signUp()).session;
    const them = as(server.url, { ...who, outsider: lonely }, 'outsider');
    const personal = (await them('GET', '/api/orgs')).json.orgs[0];
    expect((await them('DELETE', `/api/orgs/${personal.id}`, { confirm: personal.name })).status).toBe(204);
    const res = await them('GET', '/api/patterns');
    expect([res.status, res.json.error.code]).toEqual([409, 'no_organization']);
    expect((await them('POST', '/api/orgs', { name: 'Fresh start' })).status).toBe(201);
    expect((await them('GET', '/api/patterns')).json).toEqual({ patterns: [], nextCursor: null });
    void world;
  });
});
