import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

interface Case {
  name: string;
  path: string;
  body?: unknown;
  raw?: boolean;
  status: number;
  code: string;
}

const email = 'someone@example.com';
const password = 'a fine passphrase';
const routes = ['/api/auth/signup', '/api/auth/login', '/api/auth/token'];

const cases: Case[] = [
  ...routes.flatMap((path): Case[] => [
    { name: 'invalid JSON', path, body: '{"email":', raw: true, status: 400, code: 'invalid_json' },
    { name: 'no body', path, status: 400, code: 'invalid_request' },
    { name: 'an array', path, body: [email, password], status: 400, code: 'invalid_request' },
    { name: 'missing email', path, body: { password }, status: 400, code: 'invalid_request' },
    { name: 'missing password', path, body: { email }, status: 400, code: 'invalid_request' },
    { name: 'email not an email', path, body: { email: 'ada', password }, status: 400, code: 'invalid_request' },
    { name: 'email a number', path, body: { email: 42, password }, status: 400, code: 'invalid_request' },
    { name: 'email over 254 characters', path, body: { email: `${'a'.repeat(250)}@example.com`, password }, status: 400, code: 'invalid_request' },
    { name: 'password an object', path, body: { email, password: { $ne: '' } }, status: 400, code: 'invalid_request' },
    { name: 'empty password', path, body: { email, password: '' }, status: 400, code: 'invalid_request' },
    { name: 'oversized body', path, body: { email, password: 'x'.repeat(20_000) }, status: 413, code: 'payload_too_large' },
  ]),
  { name: 'missing email', path: '/api/auth/forgot-password', body: {}, status: 400, code: 'invalid_request' },
  { name: 'email not an email', path: '/api/auth/forgot-password', body: { email: 'nope' }, status: 400, code: 'invalid_request' },
  { name: 'invalid JSON', path: '/api/auth/forgot-password', body: 'email=a', raw: true, status: 400, code: 'invalid_json' },
  { name: 'missing token', path: '/api/auth/reset-password', body: { password }, status: 400, code: 'invalid_request' },
  { name: 'token a number', path: '/api/auth/reset-password', body: { token: 7, password }, status: 400, code: 'invalid_request' },
  { name: 'missing password', path: '/api/auth/reset-password', body: { token: 'abc' }, status: 400, code: 'invalid_request' },
  { name: 'unknown token', path: '/api/auth/reset-password', body: { token: 'abc', password }, status: 400, code: 'invalid_token' },
  { name: 'over-long token', path: '/api/auth/reset-password', body: { token: 'a'.repeat(500), password }, status: 400, code: 'invalid_request' },
];

const snapshot = async () => ({
  users: await server.db.query('SELECT id, email, password_hash, session_version FROM users ORDER BY id'),
  resets: await server.db.query('SELECT * FROM password_resets ORDER BY token_hash'),
  mails: server.outbox.list().length,
});

describe('bad input on the auth routes gets a JSON error, no cookie, and changes nothing', () => {
  for (const c of cases) {
    it(`POST ${c.path}: ${c.name} → ${c.status} ${c.code}`, async () => {
      const before = await snapshot();
      const res = c.raw
        ? await server.anonymous.raw('POST', c.path, c.body as string)
        : await server.anonymous.api('POST', c.path, c.body);
      expect(res.status).toBe(c.status);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.json.error).toMatchObject({ code: c.code, message: expect.any(String) });
      expect(res.text).not.toMatch(/node_modules|\.ts:\d+|at \w+ \(/);
      expect(res.headers.getSetCookie()).toEqual([]);
      expect(await snapshot()).toEqual(before);
    });
  }

  it('says which field is wrong', async () => {
    const res = await server.anonymous.api('POST', '/api/auth/signup', { email: 'ada', password: 'short' });
    expect(res.json.error.details).toEqual([{ path: 'email', message: 'Email must be an email address, like ada@example.com.' }]);
  });
});
