import { call, type TestServer } from './helpers';

/** A program's view of /api/v1: calls with `Authorization: Bearer <key>` and no cookie. */
export function keyClient(url: string, key: string) {
  return (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    call(url, method, `/api/v1${path}`, body, { headers: { authorization: `Bearer ${key}`, ...headers } });
}
export type KeyClient = ReturnType<typeof keyClient>;

/** An API key of the test server's signed-in user's organization (they own it), and a client using it. */
export async function v1World(server: TestServer) {
  const orgId: string = (await server.api('GET', '/api/orgs')).json.activeOrgId;
  const { key } = await server.server.apiKeys.create(server.session.user.id, orgId, 'v1 tests');
  return { orgId, key, v1: keyClient(server.url, key) };
}

/** Another user with their own organization and key. */
export async function otherWorld(server: TestServer) {
  const other = await server.signUp();
  const orgId: string = (await other.api('GET', '/api/orgs')).json.activeOrgId;
  const { key } = await server.server.apiKeys.create(other.session.user.id, orgId, 'other');
  return { orgId, key, v1: keyClient(server.url, key), other };
}
