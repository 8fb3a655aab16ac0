import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const STAGE_5 = fileURLToPath(new URL('../../../stage-5-enterprise/', import.meta.url));

export interface LiveServer {
  url: string;
  /** A new user's organization (its five example patterns included) and an API key for it, made as the API keys tab makes one. */
  newKey: (plan?: 'free' | 'pro' | 'enterprise') => Promise<string>;
  close: () => Promise<void>;
}

/**
 * The real stage-5 server as its own process, as `pnpm start` runs it (`src/server/main.ts`), on
 * PGlite in a throwaway folder and a free port. Signs users up over HTTP, as a person would.
 */
export async function startLiveServer(): Promise<LiveServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'journey-sdk-live-'));
  const env = { ...process.env, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info', SIGNUPS_PER_ADDRESS: '1000', DATABASE_URL: '', NODE_ENV: '' };
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { cwd: STAGE_5, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      output += chunk;
      const found = /"url":"(http:\/\/localhost:\d+)"/.exec(output);
      if (found) resolve(found[1]!.replace('localhost', '127.0.0.1'));
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    void exited.then(() => reject(new Error(`stage-5 server exited before listening:\n${output}`)));
  });

  async function call(method: string, path: string, body: unknown, cookie?: string) {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return { headers: res.headers, json: text ? JSON.parse(text) : undefined };
  }

  return {
    url,
    async newKey(plan = 'enterprise') {
      const email = `sdk-${crypto.randomUUID().slice(0, 8)}@example.com`;
      const signedUp = await call('POST', '/api/auth/signup', { email, password: 'correct horse battery staple' });
      const cookie = signedUp.headers.getSetCookie().find((c) => /^(__Host-)?session=/.test(c))!.split(';')[0]!;
      const orgs = await fetch(`${url}/api/orgs`, { headers: { cookie } }).then((r) => r.json());
      if (plan !== 'free') await call('POST', `/api/orgs/${orgs.activeOrgId}/billing/demo`, { plan }, cookie);
      return (await call('POST', `/api/orgs/${orgs.activeOrgId}/api-keys`, { name: 'SDK tests' }, cookie)).json.key;
    },
    async close() {
      child.kill('SIGKILL');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
