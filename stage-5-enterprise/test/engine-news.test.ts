import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/server/config';
import { createServer, type JourneyServer } from '../src/server/server';
import { freshDatabase, type TestDatabase } from './databases';
import { call, signUp, tempDataDir } from './helpers';
import { REDIS_URL } from './cluster-helpers';

/** Two instances in this process on one PostgreSQL database and one Redis (under a prefix of their own). */
let database: TestDatabase;
const instances: { server: JourneyServer; url: string }[] = [];
beforeAll(async () => {
  database = await freshDatabase('postgres');
  const env = { PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: tempDataDir(), DATABASE_URL: database.where.databaseUrl!, REDIS_URL, REDIS_PREFIX: `test-${randomBytes(4).toString('hex')}:`, JWT_SECRET: randomBytes(32).toString('base64url'), INSTANCES: '2' };
  for (let i = 0; i < 2; i++) {
    const server = await createServer(loadConfig(env));
    instances.push({ server, url: (await server.start()).replace('localhost', '127.0.0.1') });
  }
});
afterAll(async () => {
  for (const { server } of instances) await server.stop();
  await database?.drop();
});

describe('engine news over Redis pub/sub', () => {
  it("a write on one instance makes the other rebuild that organization's engine before anyone chats there", async () => {
    const [a, b] = instances as [(typeof instances)[0], (typeof instances)[0]];
    const session = await signUp(a.url);
    expect((await call(a.url, 'POST', '/api/patterns', { trigger: 'first', response: 'one' }, { session })).status).toBe(201);
    expect((await call(b.url, 'POST', '/api/chat', { message: 'first' }, { session })).json.reply.text).toBe('one'); // B builds its engine
    const held = () => b.server.patterns.engines.patterns;
    const before = held();
    expect((await call(a.url, 'POST', '/api/patterns', { trigger: 'second', response: 'two' }, { session })).status).toBe(201);
    // No request reaches B: only the news can make its engine grow (dropped first, then rebuilt).
    const until = Date.now() + 2_000;
    while (held() !== before + 1 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(held()).toBe(before + 1);
  });
});
