import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/server/config';
import { organizationsRepo } from '../src/server/organizations-repo';
import { createServer, type JourneyServer } from '../src/server/server';
import { freshDatabase, type TestDatabase } from './databases';
import { call, signUp, tempDataDir } from './helpers';
import { Redis } from 'ioredis';
import { REDIS_URL } from './cluster-helpers';

/** Two instances in this process on one PostgreSQL database and one Redis (under a prefix of their own). */
let database: TestDatabase;
const prefix = `test-${randomBytes(4).toString('hex')}:`;
const instances: { server: JourneyServer; url: string }[] = [];
const JWT_SECRET = randomBytes(32).toString('base64url');
beforeAll(async () => {
  database = await freshDatabase('postgres');
  const env = { PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: tempDataDir(), DATABASE_URL: database.where.databaseUrl!, REDIS_URL, REDIS_PREFIX: prefix, JWT_SECRET, INSTANCES: '2' };
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
  /** B's engine for the organization, as cached (never built here: `load` would fail). */
  const engineOn = (instance: (typeof instances)[0], orgId: string) =>
    instance.server.patterns.engines.get(orgId, { version: 0, load: () => Promise.reject(new Error('not cached')) });
  const until = async (done: () => Promise<boolean>) => {
    const deadline = Date.now() + 2_000;
    while (!(await done()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  };
  /** A new organization with one pattern, taught on A; B has built its engine (by a chat). */
  async function taughtOnAChattedOnB() {
    const [a, b] = instances as [(typeof instances)[0], (typeof instances)[0]];
    const session = await signUp(a.url);
    const { activeOrgId } = (await call(a.url, 'GET', '/api/orgs', undefined, { session })).json;
    expect((await call(a.url, 'POST', '/api/patterns', { trigger: 'first', response: 'one' }, { session })).status).toBe(201);
    expect((await call(b.url, 'POST', '/api/chat', { message: 'first' }, { session })).json.reply.text).toBe('one');
    return { a, b, session, activeOrgId: activeOrgId as string };
  }

  it('one pattern added, edited or deleted on one instance is changed in place on the other: no rebuild', async () => {
    const { a, b, session, activeOrgId } = await taughtOnAChattedOnB();
    const engine = await engineOn(b, activeOrgId);
    const reply = async (message: string) => (await engineOn(b, activeOrgId)).reply(message).text;

    const taught = (await call(a.url, 'POST', '/api/patterns', { trigger: 'second', response: 'two' }, { session })).json.pattern;
    await until(async () => (await reply('second')) === 'two');
    expect(await reply('second')).toBe('two');
    expect(await engineOn(b, activeOrgId)).toBe(engine); // the same engine, changed: not a new one
    expect((await call(a.url, 'PUT', `/api/patterns/${taught.id}`, { response: 'deux' }, { session })).status).toBe(200);
    await until(async () => (await reply('second')) === 'deux');
    expect((await call(a.url, 'DELETE', `/api/patterns/${taught.id}`, undefined, { session })).status).toBe(204);
    await until(async () => (await reply('second')) !== 'deux');
    expect(await engineOn(b, activeOrgId)).toBe(engine);
    expect((await call(b.url, 'POST', '/api/chat', { message: 'second' }, { session })).json.reply.patternId).toBeNull();
  });

  it('an instance that heard nothing catches up on its next chat: the same engine, changed by what was written since', async () => {
    const { b, session, activeOrgId } = await taughtOnAChattedOnB();
    const engine = await engineOn(b, activeOrgId);
    // A writer on the same database that tells no one (no Redis): B hears none of these writes.
    const deaf = await createServer(loadConfig({ PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: tempDataDir(), DATABASE_URL: database.where.databaseUrl!, JWT_SECRET }));
    const deafUrl = (await deaf.start()).replace('localhost', '127.0.0.1');
    try {
      const first = (await call(deafUrl, 'GET', '/api/patterns', undefined, { session })).json.patterns.find((p: { trigger: string }) => p.trigger === 'first');
      expect((await call(deafUrl, 'POST', '/api/patterns', { trigger: 'second', response: 'two' }, { session })).status).toBe(201);
      expect((await call(deafUrl, 'PUT', `/api/patterns/${first.id}`, { response: 'uno' }, { session })).status).toBe(200);
      const third = (await call(deafUrl, 'POST', '/api/patterns', { trigger: 'third', response: 'three' }, { session })).json.pattern;
      expect((await call(deafUrl, 'DELETE', `/api/patterns/${third.id}`, undefined, { session })).status).toBe(204);
    } finally {
      await deaf.stop();
    }
    const chat = async (message: string) => (await call(b.url, 'POST', '/api/chat', { message }, { session })).json.reply;
    expect((await chat('second')).text).toBe('two');
    expect((await chat('first')).text).toBe('uno');
    expect((await chat('third')).patternId).toBeNull();
    expect(await engineOn(b, activeOrgId)).toBe(engine); // caught up in place: not rebuilt from every pattern
  });

  it('news of a version the database does not have changes nothing: the engine still catches the next real write', async () => {
    const { a, b, session, activeOrgId } = await taughtOnAChattedOnB();
    const v = await b.server.db.forOrg(activeOrgId, (tx) => organizationsRepo.patternsVersion(tx, activeOrgId));
    const redis = new Redis(REDIS_URL);
    await redis.publish(`${prefix}patterns-changed`, `${activeOrgId} ${v + 1} ${randomUUID()}`); // a write that never happened
    await redis.quit();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await call(a.url, 'POST', '/api/patterns', { trigger: 'second', response: 'two' }, { session })).status).toBe(201); // the real v + 1
    expect((await call(b.url, 'POST', '/api/chat', { message: 'second' }, { session })).json.reply.text).toBe('two');
  });
});
