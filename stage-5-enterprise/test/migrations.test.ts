import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshDatabase, type TestDatabase } from './databases';

const FILES = readdirSync(new URL('../src/server/migrations', import.meta.url)).filter((f) => f.endsWith('.sql')).sort();

describe.each(ENGINES)('migrations on %s', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => void (database = await freshDatabase(engine)));
  afterAll(() => database?.drop());

  it('apply every file to a new database in order, then none when it is opened again', async () => {
    const first = await database.open();
    expect(first.info.applied).toEqual(FILES);
    if (engine === 'pglite') expect(first.info.from).toBe('template');
    await first.query("INSERT INTO users (email, password_hash) VALUES ('kept@example.test', 'h')");
    await first.close();

    const again = await database.open();
    expect(again.info.applied).toEqual([]);
    if (engine === 'pglite') expect(again.info.from).toBe('existing');
    expect(await again.query('SELECT email FROM users')).toEqual([{ email: 'kept@example.test' }]);
  });
});

// Only PostgreSQL has more than one server process: a PGlite data directory has one user.
if (ENGINES.includes('postgres')) {
  describe('migrations on postgres, from two processes', () => {
    it('let two servers start at once on a new database: each file runs once', async () => {
      const other = await freshDatabase('postgres');
      try {
        const [a, b] = await Promise.all([other.open(), other.open()]);
        expect([...a!.info.applied, ...b!.info.applied].sort()).toEqual(FILES);
      } finally {
        await other.drop();
      }
    });
  });
}
