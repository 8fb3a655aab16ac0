import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/server/db';
import { ENGINES, freshDatabase, type TestDatabase } from './databases';
import { twoOrganizations } from './fixtures';

describe.each(ENGINES)('transactions on %s', (engine) => {
  let database: TestDatabase;
  let db: Db;
  let ids: Awaited<ReturnType<typeof twoOrganizations>>;
  beforeAll(async () => {
    database = await freshDatabase(engine);
    db = await database.open();
    ids = await twoOrganizations(db);
  });
  afterAll(() => database?.drop());

  const countIn = async (orgId: string) =>
    (await db.forOrg(orgId, (tx) => tx.query<{ n: number }>('SELECT count(*) AS n FROM patterns')))[0]!.n;

  it('roll back everything when the work throws', async () => {
    const failing = db.forOrg(ids.acme, async (tx) => {
      await tx.query("INSERT INTO patterns (org_id, trigger, response) VALUES ($1, 'half', 'done')", [ids.acme]);
      throw new Error('changed my mind');
    });
    await expect(failing).rejects.toThrow('changed my mind');
    expect(await countIn(ids.acme)).toBe(2);
  });

  it('roll back everything when a statement fails halfway', async () => {
    const failing = db.forOrg(ids.acme, async (tx) => {
      await tx.query("INSERT INTO patterns (org_id, trigger, response) VALUES ($1, 'first', 'ok')", [ids.acme]);
      await tx.query("INSERT INTO patterns (org_id, trigger, response) VALUES ($1, '', 'empty trigger')", [ids.acme]);
    });
    await expect(failing).rejects.toThrow(/check constraint/);
    expect(await countIn(ids.acme)).toBe(2);
  });

  it('answer with the same JavaScript types on both engines', async () => {
    const [row] = await db.forOrg(ids.acme, (tx) =>
      tx.query('SELECT id, org_id, created_at, count(*) OVER () AS total FROM patterns LIMIT 1'),
    );
    expect(row).toEqual({ id: expect.any(String), org_id: ids.acme, created_at: expect.any(Date), total: 2 });
  });

  it('acting for one organization never leaks into another transaction, even on a reused connection', async () => {
    // Many more transactions than the pool has connections, interleaved: each connection serves
    // Acme, Globex and "nobody" in turn. set_config(…, true) must end with each transaction.
    const work = Array.from({ length: 36 }, async (_, i) => {
      const orgId = [ids.acme, ids.globex, undefined][i % 3];
      const read = async (tx: { query: Db['query'] }) => {
        await tx.query('SELECT pg_sleep(0.005)');
        return (await tx.query<{ response: string }>('SELECT response FROM patterns ORDER BY response')).map((p) => p.response);
      };
      return { orgId, seen: orgId ? await db.forOrg(orgId, read) : await read(db) };
    });
    for (const { orgId, seen } of await Promise.all(work)) {
      const expected = orgId === ids.acme ? ['Ask sales', 'Hi from Acme'] : orgId ? ['Hi from Globex'] : [];
      expect(seen).toEqual(expected);
    }
  });
  it('a failed opening statement fails the work too: nothing of it runs, or commits, outside its scope', async () => {
    // On PostgreSQL the opening statement is pipelined with the work's first statements (db/postgres.ts).
    const failing = db.transaction(
      async (tx) => {
        await tx.query("SELECT set_config('app.org_id', $1, true)", [ids.acme]);
        await tx.query("INSERT INTO patterns (org_id, trigger, response) VALUES ($1, 'unscoped', 'never')", [ids.acme]);
      },
      { sql: 'SELECT 1 / $1::int', params: [0] },
    );
    await expect(failing).rejects.toThrow(/division by zero|transaction is aborted/);
    expect(await countIn(ids.acme)).toBe(2);
  });

  it('asynchronous commit is asked for per transaction, and ends with it', async () => {
    const mode = (options?: { asyncCommit: boolean }) =>
      db.forOrg(ids.acme, async (tx) => (await tx.query<{ synchronous_commit: string }>('SHOW synchronous_commit'))[0]!.synchronous_commit, options);
    expect(await mode({ asyncCommit: true })).toBe('off');
    expect(await mode()).toBe('on');
  });
  it('andCommit sends the last statement with the COMMIT: it is committed, and nothing may follow it', async () => {
    const late = db.forOrg(ids.acme, async (tx) => {
      await tx.andCommit.query("INSERT INTO patterns (org_id, trigger, response) VALUES ($1, 'last', 'in')", [ids.acme]);
      await tx.query("INSERT INTO patterns (org_id, trigger, response) VALUES ($1, 'after', 'never')", [ids.acme]);
    });
    await expect(late).rejects.toThrow(/committed with andCommit/);
    expect(await countIn(ids.acme)).toBe(3); // `last` is in; `after` never ran
    await db.forOrg(ids.acme, (tx) => tx.query("DELETE FROM patterns WHERE trigger = 'last'"));
  });
});
