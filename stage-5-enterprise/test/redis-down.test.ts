import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/server/config';
import { call, startTestServer, type TestServer } from './helpers';
import { freePort } from './server-process';
import { keyHolder, withKey } from './cluster-helpers';

/**
 * What happens when Redis goes away: a Redis of this test's own (never the shared one), stopped
 * with kill -9 and started again on the same port.
 */
class OwnRedis {
  private child: ChildProcess | undefined;
  constructor(readonly port: number) {}
  get url() {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    const until = Date.now() + 10_000;
    while (!(await this.answers())) {
      if (Date.now() > until) throw new Error(`redis-server did not start on port ${this.port}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async kill(): Promise<void> {
    const child = this.child!;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  private answers(): Promise<boolean> {
    return fetch(`http://127.0.0.1:${this.port}`).then(
      () => true,
      (err: Error & { cause?: { code?: string } }) => err.cause?.code !== 'ECONNREFUSED', // Redis answers HTTP with an error, but it answers
    );
  }
}

async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

let redis: OwnRedis;
let server: TestServer;
beforeAll(async () => {
  redis = new OwnRedis(await freePort());
  await redis.start();
  server = await startTestServer({ engine: 'postgres', env: { REDIS_URL: redis.url, REDIS_PREFIX: `test-${randomBytes(4).toString('hex')}:` } });
});
afterAll(async () => {
  await server?.close();
  await redis?.kill().catch(() => {});
});

describe('when Redis goes away (README: "When Redis is down")', () => {
  it('readiness answers 503 (redis failed) while it is away, and 200 once it is back', async () => {
    expect(await call(server.url, 'GET', '/health/ready')).toMatchObject({
      status: 200,
      json: { status: 'ready', checks: { database: 'ok', migrations: 'ok', redis: 'ok' } },
    });
    await redis.kill();
    const down = await call(server.url, 'GET', '/health/ready');
    expect(down.status).toBe(503);
    expect(down.json.checks).toEqual({ database: 'ok', migrations: 'ok', redis: 'failed' });
    await redis.start();
    const back = await eventually(() => call(server.url, 'GET', '/health/ready'), (res) => res.status === 200);
    expect(back.json).toEqual({ status: 'ready', checks: { database: 'ok', migrations: 'ok', redis: 'ok' } });
  });

  it('requests keep being served and limited: each instance counts in memory until Redis returns, then Redis counts again', async () => {
    const { key } = await keyHolder(server.url, 'free'); // 60 a minute
    const remaining = async () => {
      const res = await call(server.url, 'GET', '/api/patterns', undefined, withKey(key));
      expect(res.status).toBe(200);
      return Number(res.headers.get('ratelimit-remaining'));
    };
    for (let i = 0; i < 10; i++) await remaining();
    expect(await remaining()).toBe(49); // counted in Redis

    await redis.kill();
    // Fail open, but not unlimited: the insurance limiter counts this instance's requests afresh.
    expect(await remaining()).toBe(59);
    for (let i = 0; i < 59; i++) await remaining();
    const refused = await call(server.url, 'GET', '/api/patterns', undefined, withKey(key));
    expect(refused.status).toBe(429);
    expect(refused.json.error.code).toBe('rate_limited');
    // Teaching and chatting go on: engines never needed Redis to be right.
    const taught = await server.api('POST', '/api/patterns', { trigger: 'redis away', response: 'still here' });
    expect(taught.status).toBe(201);
    expect((await server.api('POST', '/api/chat', { message: 'redis away' })).json.reply.text).toBe('still here');

    await redis.start(); // a new, empty Redis: counting starts over there, once the app has reconnected
    expect((await eventually(() => call(server.url, 'GET', '/health/ready'), (res) => res.status === 200)).status).toBe(200);
    expect(await remaining()).toBe(59);
    expect(await remaining()).toBe(58);
  });
});

describe('more than one instance', () => {
  const base = { DATABASE_URL: 'postgres://postgres@127.0.0.1/journey', REDIS_URL: 'redis://127.0.0.1:6379', JWT_SECRET: 'x'.repeat(48) };

  it('refuses to start without Redis, PostgreSQL or a shared JWT_SECRET, and says why', () => {
    expect(() => loadConfig({ INSTANCES: '2' })).toThrow(
      /DATABASE_URL: required when INSTANCES > 1[\s\S]*REDIS_URL: required when INSTANCES > 1 \(rate limits[\s\S]*JWT_SECRET: required when INSTANCES > 1/,
    );
    expect(() => loadConfig({ ...base, INSTANCES: '2', REDIS_URL: '' })).toThrow('REDIS_URL: required when INSTANCES > 1');
    expect(() => loadConfig({ ...base, INSTANCES: '2', JWT_SECRET: undefined })).toThrow('JWT_SECRET: required when INSTANCES > 1');
    expect(loadConfig({ ...base, INSTANCES: '2' })).toMatchObject({ instances: 2, redisUrl: base.REDIS_URL });
    expect(loadConfig({}).redisUrl).toBeUndefined(); // one instance: the in-memory stand-ins
  });

  it('an unreachable REDIS_URL stops the server at start with a message that names it', async () => {
    const port = await freePort();
    await expect(startTestServer({ engine: 'pglite', env: { REDIS_URL: `redis://127.0.0.1:${port}` } })).rejects.toThrow(
      `REDIS_URL: cannot reach Redis at 127.0.0.1:${port}`,
    );
  });
});
