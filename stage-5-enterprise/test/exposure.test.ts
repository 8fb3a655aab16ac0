import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { rmSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { freePort } from './server-process';
import { PASSWORD, ownerValue, spawnServer, startTestServer, tempDataDir, uniqueEmail, type ServerProcess, type TestServer } from './helpers';

/** This machine's address on its network: how another machine would reach it. */
function lanAddress(): string {
  const found = Object.values(networkInterfaces())
    .flat()
    .find((nic) => nic && nic.family === 'IPv4' && !nic.internal);
  if (!found) throw new Error('these tests need a non-loopback IPv4 interface');
  return found.address;
}

/** A request with a Host header of our choosing (fetch does not let us set it), as a rebinding page's would arrive. */
function withHost(url: string, method: string, path: string, host: string, body?: unknown) {
  return new Promise<{ status: number; json: any }>((resolve, reject) => {
    const req = request(`${url}${path}`, { method, headers: { host, 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, json: text ? JSON.parse(text) : undefined }));
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

let server: TestServer | undefined;
let spawned: ServerProcess | undefined;
const dataDir = tempDataDir();
afterEach(async () => {
  await server?.close();
  server = undefined;
  spawned?.child.kill('SIGKILL');
  spawned = undefined;
});

describe('who can reach the server', () => {
  it('listens on 127.0.0.1 by default: another machine cannot connect', async () => {
    spawned = await spawnServer(dataDir);
    const { port } = new URL(spawned.url);
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
    await expect(fetch(`http://${lanAddress()}:${port}/api/health`)).rejects.toThrow();
  });

  it('HOST=0.0.0.0 opens it to the network, but the outbox (reset links) stays for this machine only', async () => {
    const lan = lanAddress();
    const port = await freePort();
    spawned = await spawnServer(dataDir, { HOST: '0.0.0.0', PORT: String(port), APP_URL: `http://${lan}:${port}` });
    expect((await fetch(`http://${lan}:${port}/api/health`)).status).toBe(200);
    expect((await fetch(`http://${lan}:${port}/dev/outbox`)).status).toBe(404);
    expect((await fetch(`http://localhost:${port}/dev/outbox`)).status).toBe(200);
  });
});

describe('the Host header', () => {
  it('is answered for APP_URL and for localhost, 127.0.0.1 and [::1] on its own port', async () => {
    server = await startTestServer({ appUrl: 'http://journey.test:8080' });
    const { port } = new URL(server.url);
    for (const host of ['journey.test:8080', 'JOURNEY.test:8080', `localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]) {
      expect((await withHost(server.url, 'GET', '/api/health', host)).status, host).toBe(200);
    }
  });

  it('anything else gets 421 and nothing is done (DNS rebinding)', async () => {
    server = await startTestServer({ appUrl: 'http://journey.test:8080' });
    const { port } = new URL(server.url);
    const email = uniqueEmail('rebound');
    for (const host of [`evil.example:${port}`, 'evil.example', `localhost:${Number(port) + 1}`, 'journey.test:9090', 'journey.test']) {
      const res = await withHost(server.url, 'POST', '/api/auth/signup', host, { email, password: PASSWORD });
      expect(res.status, host).toBe(421);
      expect(res.json.error.code).toBe('misdirected_request');
    }
    expect(await ownerValue(server.db, 'SELECT count(*)::int FROM users WHERE email = $1', [email])).toBe(0);
  });
});

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
