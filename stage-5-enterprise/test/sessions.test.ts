import { mkdtempSync, statSync, writeFileSync, chmodSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, UnsecuredJWT, decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { SECRET_FILE, loadSessionSecret } from '../src/server/auth/session-secret';
import { SessionTokens } from '../src/server/auth/sessions';

const secret = new TextEncoder().encode('x'.repeat(48));
const tokens = new SessionTokens(secret);
const claims = { userId: 'user-1', sessionVersion: 0 };

/** Signs any payload/header we like with the right secret, to prove which checks refuse it. */
function forge(payload: Record<string, unknown>, alg = 'HS256', key = secret) {
  return new SignJWT(payload).setProtectedHeader({ alg }).sign(key);
}
const valid = { sub: 'user-1', ver: 0, iss: 'llm-journey/stage-5', aud: 'llm-journey/stage-5/api', jti: 'token-1' };
const now = () => Math.floor(Date.now() / 1000);

describe('session tokens', () => {
  it('round-trips the user id and session version, with an id of its own and its expiry', async () => {
    const token = await tokens.issue(claims);
    const payload = decodeJwt(token);
    expect(await tokens.verify(token)).toEqual({ ...claims, tokenId: payload.jti, expiresAt: payload.exp });
    expect(payload.jti).toMatch(/^[\w-]{36}$/);
    expect(decodeJwt(await tokens.issue(claims)).jti).not.toBe(payload.jti);
    expect(payload.exp! - payload.iat!).toBe(tokens.lifetimeSeconds);
  });

  it('accepts a hand-made token only when every claim is right (the forge helper works)', async () => {
    const exp = now() + 60;
    expect(await tokens.verify(await forge({ ...valid, iat: now(), exp }))).toEqual({ ...claims, tokenId: 'token-1', expiresAt: exp });
  });

  it('refuses alg "none"', async () => {
    const unsigned = new UnsecuredJWT({ ...valid, ver: 0 }).setIssuedAt().setExpirationTime('1h').encode();
    expect(await tokens.verify(unsigned)).toBeNull();
  });

  it('refuses another algorithm, even signed with our secret', async () => {
    expect(await tokens.verify(await forge({ ...valid, iat: now(), exp: now() + 60 }, 'HS512'))).toBeNull();
  });

  it('refuses a token signed with another secret', async () => {
    const other = new SessionTokens(new TextEncoder().encode('y'.repeat(48)));
    expect(await tokens.verify(await other.issue(claims))).toBeNull();
  });

  it('refuses a tampered payload', async () => {
    const [header, , signature] = (await tokens.issue(claims)).split('.');
    const payload = Buffer.from(JSON.stringify({ ...valid, sub: 'user-2', iat: now(), exp: now() + 60 })).toString('base64url');
    expect(await tokens.verify(`${header}.${payload}.${signature}`)).toBeNull();
  });

  it('refuses an expired token, a wrong issuer or audience, a missing claim', async () => {
    expect(await tokens.verify(await forge({ ...valid, iat: now() - 120, exp: now() - 60 }))).toBeNull();
    expect(await tokens.verify(await forge({ ...valid, iss: 'someone-else', iat: now(), exp: now() + 60 }))).toBeNull();
    expect(await tokens.verify(await forge({ ...valid, aud: 'another-api', iat: now(), exp: now() + 60 }))).toBeNull();
    expect(await tokens.verify(await forge({ ...valid, iat: now() }))).toBeNull(); // no exp
    expect(await tokens.verify(await forge({ sub: 'user-1', iss: valid.iss, aud: valid.aud, jti: 'x', iat: now(), exp: now() + 60 }))).toBeNull(); // no ver
    expect(await tokens.verify(await forge({ ...valid, jti: undefined, iat: now(), exp: now() + 60 }))).toBeNull(); // no jti
  });

  it('refuses garbage without throwing', async () => {
    expect(await tokens.verify('')).toBeNull();
    expect(await tokens.verify('not.a.token')).toBeNull();
  });
});

describe('session secret', () => {
  it('is generated once into the data folder, readable by its owner only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stage3-secret-'));
    const first = loadSessionSecret(dir, undefined);
    expect(first.byteLength).toBeGreaterThanOrEqual(32);
    expect(statSync(join(dir, SECRET_FILE)).mode & 0o777).toBe(0o600);
    expect(loadSessionSecret(dir, undefined)).toEqual(first); // kept across restarts
    expect(readFileSync(join(dir, SECRET_FILE), 'utf8')).not.toBe('');
  });

  it('comes from JWT_SECRET when set, and refuses a short one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stage3-secret-'));
    expect(new TextDecoder().decode(loadSessionSecret(dir, 'z'.repeat(32)))).toBe('z'.repeat(32));
    expect(() => loadSessionSecret(dir, 'too-short')).toThrow(/at least 32 bytes/);
  });

  it('refuses a secret file others can read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stage3-secret-'));
    writeFileSync(join(dir, SECRET_FILE), 'q'.repeat(64));
    chmodSync(join(dir, SECRET_FILE), 0o644);
    expect(() => loadSessionSecret(dir, undefined)).toThrow(/chmod 600/);
  });
});
