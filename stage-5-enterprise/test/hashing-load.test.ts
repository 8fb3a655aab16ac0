import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { HASH_QUEUE, HASH_THREADS } from '../src/server/auth/password-pool';
import { DEFAULT_BCRYPT_COST } from '../src/server/auth/passwords';
import { PASSWORD, ownerValue, startTestServer, uniqueEmail, type TestServer } from './helpers';

let server: TestServer | undefined;
afterEach(() => server?.close());

const signUp = (s: TestServer) => s.anonymous.api('POST', '/api/auth/signup', { email: uniqueEmail('load'), password: PASSWORD });

describe('password hashing under load', () => {
  it('runs off the event loop: during 3 signups at cost 12 the loop is mostly idle', async () => {
    server = await startTestServer({ bcryptCost: DEFAULT_BCRYPT_COST });
    const before = performance.eventLoopUtilization();
    const answers = await Promise.all([signUp(server), signUp(server), signUp(server)]);
    const { utilization } = performance.eventLoopUtilization(before);
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    // On the event loop, the hashing alone keeps it above 0.9; on worker threads it only waits.
    expect(utilization).toBeLessThan(0.5);
  });

  it(`has a global budget: past ${HASH_QUEUE} waiting hashes, 503 with Retry-After, nothing done`, async () => {
    server = await startTestServer({ bcryptCost: 10 });
    const usersBefore = await ownerValue<number>(server.db, 'SELECT count(*)::int FROM users');
    const answers = await Promise.all(Array.from({ length: HASH_QUEUE + HASH_THREADS + 5 }, () => signUp(server!)));
    const busy = answers.filter((a) => a.status === 503);
    expect(busy.length).toBeGreaterThan(0);
    expect(busy[0]!.json.error.code).toBe('busy');
    expect(busy[0]!.headers.get('retry-after')).toMatch(/^\d+$/);
    const created = answers.filter((a) => a.status === 201).length;
    expect(created + busy.length).toBe(answers.length);
    expect(await ownerValue(server.db, 'SELECT count(*)::int FROM users')).toBe(usersBefore + created);
  });
});
