import { statSync } from 'node:fs';
import { join } from 'node:path';
import { databasePath } from '../src/server/db';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, tempDataDir, type TestServer } from './helpers';

let server: TestServer | undefined;
afterEach(() => server?.close());

const patternCount = (s: TestServer) => s.db.prepare('SELECT count(*) FROM patterns').pluck().get();

describe('small leaks and crashes', () => {
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
    const before = patternCount(server);
    for (const bad of ['\u0000hello', 'hel\u0000lo', 'bell\u0007', 'esc\u001b[31m', 'del\u007f']) {
      for (const body of [{ trigger: bad, response: 'fine' }, { trigger: 'fine', response: bad }]) {
        const res = await server.api('POST', '/api/patterns', body);
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(res.json.error.message).toMatch(/control characters/);
      }
      expect((await server.api('POST', '/api/chat', { message: bad })).status).toBe(400);
    }
    expect(patternCount(server)).toBe(before);
    // Line breaks and tabs are text people type: a response may have them.
    expect((await server.api('POST', '/api/patterns', { trigger: 'recipe', response: 'Step 1\n\tStep 2' })).status).toBe(201);
  });

  it('API answers are never cached (Cache-Control: no-store), errors included', async () => {
    server = await startTestServer();
    for (const res of [await server.api('GET', '/api/patterns'), await server.api('POST', '/api/chat', {}), await server.api('GET', '/api/nothing-here')]) {
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('the data folder is 0700 and the database files 0600: other local users cannot read them', async () => {
    const dataDir = join(tempDataDir(), 'fresh');
    server = await startTestServer({ dataDir });
    await server.api('POST', '/api/patterns', { trigger: 'secret', response: 'kept' });
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    const file = databasePath(dataDir);
    for (const path of [file, `${file}-wal`, `${file}-shm`]) {
      expect(statSync(path).mode & 0o777, path).toBe(0o600);
    }
  });
});
