import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, signUp, startTestServer, uniqueEmail, type TestServer } from './helpers';
import { ROLE_MATRIX, bodyFor, pathFor } from './role-matrix';
import { acme, as, people, snapshot, type People } from './tenancy';

describe.each(ENGINES)('the viewer role on %s', (engine) => {
  let server: TestServer;
  let who: People;
  beforeAll(async () => {
    server = await startTestServer({ engine });
    who = await people(server.url);
  });
  afterAll(() => server?.close());

  it('chats with the organization’s brain and reads its patterns', async () => {
    const world = await acme(server, who);
    const viewer = as(server.url, who, 'viewer', world.org.id);
    const chat = await viewer('POST', '/api/chat', { message: 'acme secret' });
    expect([chat.status, chat.json.reply.text]).toEqual([200, 'the vault code is 1234']);
    const list = await viewer('GET', '/api/patterns');
    expect(list.json.patterns.map((p: { trigger: string }) => p.trigger)).toEqual(['acme secret']);
  });

  // Every route the matrix refuses to viewers, called as one on a single Acme: 403 forbidden each
  // time, and afterwards every tenant table is exactly as before.
  const refused = ROLE_MATRIX.filter((row) => row.expected.viewer === 403 && !row.path.startsWith('/api/admin/'));
  it(`is refused with 403 forbidden, and nothing changes, on ${refused.length} routes`, async () => {
    const world = await acme(server, who);
    await world.offerOwnershipToMember(); // so that cancelling, accepting and declining have an offer to act on
    const viewer = as(server.url, who, 'viewer', world.org.id);
    const before = await snapshot(server);
    for (const row of refused) {
      const res = await viewer(row.method, pathFor(row, world), bodyFor(row, world, randomBytes(32).toString('base64url')));
      expect([`${row.method} ${row.path}`, res.status, res.json?.error?.code]).toEqual([`${row.method} ${row.path}`, 403, 'forbidden']);
    }
    expect(await snapshot(server)).toEqual(before);
    expect(refused.map((row) => `${row.method} ${row.path}`)).toEqual(
      expect.arrayContaining(['POST /api/patterns', 'PUT /api/patterns/:patternId', 'DELETE /api/patterns/:patternId', 'POST /api/import']),
    );
  });

  it('says why in the 403: a viewer cannot teach', async () => {
    const world = await acme(server, who);
    const res = await as(server.url, who, 'viewer', world.org.id)('POST', '/api/patterns', { trigger: 'hi', response: 'there' });
    expect(res.json.error.message).toBe('Only a member, admin or owner (not a viewer) can teach patterns.');
  });

  it('is read from the database on every request: demoted, the next teach is refused; promoted, it passes', async () => {
    const world = await acme(server, who);
    const member = as(server.url, who, 'member', world.org.id);
    const admin = as(server.url, who, 'admin', world.org.id);
    const teach = () => member('POST', '/api/patterns', { trigger: `t ${randomBytes(3).toString('hex')}`, response: 'r' });
    expect((await teach()).status).toBe(201);
    expect((await admin('PATCH', `/api/orgs/${world.org.id}/members/${who.member.user.id}`, { role: 'viewer' })).json.member.role).toBe('viewer');
    expect((await teach()).status).toBe(403); // the same session cookie: nothing to sign again
    expect((await admin('PATCH', `/api/orgs/${world.org.id}/members/${who.member.user.id}`, { role: 'member' })).status).toBe(200);
    expect((await teach()).status).toBe(201);
  });

  it('is given by invitation: invited as viewer, the new person joins as one', async () => {
    const world = await acme(server, who);
    const email = uniqueEmail('vera');
    const created = await as(server.url, who, 'admin')('POST', `/api/orgs/${world.org.id}/invitations`, { email, role: 'viewer' });
    expect(created.json.invitation.role).toBe('viewer');
    const vera = await signUp(server.url, email);
    const joined = await as(server.url, { ...who, outsider: vera }, 'outsider')('POST', '/api/invitations/accept', {
      token: new URL(created.json.link).hash.slice(1),
    });
    expect(joined.json.org).toMatchObject({ id: world.org.id, role: 'viewer' });
  });

  it('makes a key read-only when its maker is demoted to viewer: it still chats, it no longer teaches', async () => {
    const world = await acme(server, who);
    const { key } = await server.server.apiKeys.create(who.admin.user.id, world.org.id, 'CI of the admin');
    const withKey = (method: string, path: string, body?: unknown) =>
      fetch(`${server.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    expect((await withKey('POST', '/api/patterns', { trigger: 'by key', response: 'yes' })).status).toBe(201);
    await as(server.url, who, 'owner')('PATCH', `/api/orgs/${world.org.id}/members/${who.admin.user.id}`, { role: 'viewer' });
    const taught = (await (await withKey('GET', '/api/v1/patterns')).json()).patterns[0].id;
    const before = await snapshot(server);
    for (const [method, path, body] of [
      ['POST', '/api/patterns', { trigger: 'by key again', response: 'no' }],
      ['POST', '/api/v1/patterns', { trigger: 'by key again', response: 'no' }],
      ['PATCH', `/api/v1/patterns/${taught}`, { response: 'changed' }],
      ['DELETE', `/api/v1/patterns/${taught}`],
    ] as const) {
      const refused = await withKey(method, path, body);
      expect([method, path, refused.status, (await refused.json()).error.code]).toEqual([method, path, 403, 'forbidden']);
    }
    expect(await snapshot(server)).toEqual(before);
    expect((await withKey('POST', '/api/chat', { message: 'acme secret' })).status).toBe(200);
    expect((await withKey('POST', '/api/v1/chat', { message: 'acme secret' })).status).toBe(200);
  });

  it('may leave, like everyone', async () => {
    const world = await acme(server, who);
    const res = await as(server.url, who, 'viewer', world.org.id)('DELETE', `/api/orgs/${world.org.id}/members/${who.viewer.user.id}`);
    expect(res.status).toBe(204);
  });
});
