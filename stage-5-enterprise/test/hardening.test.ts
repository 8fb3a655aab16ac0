import { statSync } from 'node:fs';
import { join } from 'node:path';
import { STAGE } from '../src/shared/stage';
import { afterEach, describe, expect, it } from 'vitest';
import { PASSWORD, ownerValue, startTestServer, tempDataDir, uniqueEmail, type TestServer } from './helpers';

let server: TestServer | undefined;
afterEach(() => server?.close());

const patternCount = (s: TestServer) => ownerValue(s.db, 'SELECT count(*)::int FROM patterns');

describe('small leaks and crashes', () => {
  it('forgot-password answers without waiting for the mail (a known email is not slower than an unknown one)', async () => {
    const sent: string[] = [];
    // A mailer that never finishes: if the answer waited for it, a known email would never be answered.
    server = await startTestServer({ mailer: { send: (mail) => (sent.push(mail.to), new Promise(() => {})) } });
    const ask = (email: string) =>
      fetch(`${server!.url}/api/auth/forgot-password`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email }),
        signal: AbortSignal.timeout(5_000),
      });
    const [known, unknown] = await Promise.all([ask(server.session.user.email), ask(uniqueEmail('ghost'))]);
    expect([known.status, unknown.status]).toEqual([202, 202]);
    expect(await known.text()).toBe(await unknown.text());
    await expect.poll(() => sent).toEqual([server.session.user.email]); // the mail still goes out, after the answer
  });

  it('a broken %-escape in the path is a 400, not a 500', async () => {
    server = await startTestServer();
    for (const method of ['PUT', 'DELETE']) {
      const res = await server.api(method, '/api/patterns/%', { trigger: 'x', response: 'y' });
      expect(res.status, method).toBe(400);
      expect(res.json.error.code).toBe('invalid_path');
    }
  });

  it('NUL and other control characters are refused in every text field, and nothing is stored', async () => {
    server = await startTestServer();
    const before = await patternCount(server);
    for (const bad of ['\u0000hello', 'hel\u0000lo', 'bell\u0007', 'esc\u001b[31m', 'del\u007f']) {
      for (const body of [{ trigger: bad, response: 'fine' }, { trigger: 'fine', response: bad }]) {
        const res = await server.api('POST', '/api/patterns', body);
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(res.json.error.message).toMatch(/control characters/);
      }
      expect((await server.api('POST', '/api/chat', { message: bad })).status).toBe(400);
      expect((await server.anonymous.api('POST', '/api/auth/signup', { email: uniqueEmail(), password: `${PASSWORD}${bad}` })).status).toBe(400);
    }
    expect(await patternCount(server)).toBe(before);
    // Line breaks and tabs are text people type: a response may have them.
    expect((await server.api('POST', '/api/patterns', { trigger: 'recipe', response: 'Step 1\n\tStep 2' })).status).toBe(201);
  });

  it('API answers are never cached (Cache-Control: no-store), errors included', async () => {
    server = await startTestServer();
    for (const res of [
      await server.api('GET', '/api/patterns'),
      await server.api('GET', '/api/auth/me'),
      await server.anonymous.api('GET', '/api/patterns'),
      await server.api('GET', '/api/nothing-here'),
    ]) {
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('the data folder and the embedded database in it are 0700: other local users cannot read them', async () => {
    const dataDir = join(tempDataDir(), 'fresh');
    server = await startTestServer({ dataDir, engine: 'pglite' });
    await server.api('POST', '/api/patterns', { trigger: 'secret', response: 'kept' });
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dataDir, STAGE.dataFolder)).mode & 0o777).toBe(0o700);
  });
});
