import { createHash } from 'node:crypto';
import type { Socket } from 'node:net';
import pg from 'pg';
import { migrate } from '../migrate';
import { afterAndCommit } from './iso';
import type { Engine, Opening, Queryable, Tx } from './index';

// Both engines answer with the same JavaScript types: counts and other int8 values as numbers
// (pg would give strings; PGlite gives numbers), timestamps as Date, uuids as strings.
const INT8 = 20;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * PostgreSQL at `url`. The migrations run on one connection as the url's user (the owner); the pool
 * then starts every connection as journey_app (`-c role=…`, which RESET ROLE returns to).
 * `reads`: a read pool (DATABASE_READ_URL, often a replica, where nothing can be written): no
 * migrations, and fewer connections than pg's default 10.
 */
export async function openPostgres(url: string, { reads = false } = {}): Promise<Engine> {
  const started = performance.now();
  const applied = reads ? [] : await migrateAsOwner(url);
  // `pipeline`: each query is sent when it is made, not after the answer to the one before. A
  // transaction's BEGIN, its scope and its first statement then cost one round trip, not three.
  const pool = new pg.Pool({ ...poolSettings(url), types, max: reads ? 4 : 10, pipeline: true });
  // An idle connection that breaks (the server restarts) is dropped from the pool; without a
  // listener its error would end the process.
  pool.on('error', (error) => console.error('database: idle connection lost:', error.message));
  const on = (client: pg.PoolClient | pg.Pool): Queryable => ({
    query: async (sql, params) => (await client.query(prepared(sql, params))).rows,
  });
  await pool.query('SELECT 1');

  return {
    ...on(pool),
    async transaction<T>(work: (tx: Tx) => Promise<T>, opening?: Opening): Promise<T> {
      const client = await pool.connect();
      let broken: Error | undefined;
      let committed: Promise<unknown> | undefined; // COMMIT, once `andCommit` sent it
      const statements = on(client);
      const tx: Tx = {
        query: async (sql, params) => {
          if (committed) throw afterAndCommit();
          return statements.query(sql, params);
        },
        andCommit: {
          query: async (sql, params) => {
            const rows = inOneWrite(client, () => {
              const statement = client.query(prepared(sql, params));
              // Right behind it. If the statement fails, PostgreSQL answers this COMMIT by rolling back.
              committed = client.query('COMMIT');
              return statement;
            });
            committed!.catch(() => {});
            return (await rows).rows;
          },
        },
      };
      try {
        // Not awaited before `work` starts: they are sent with its first statement. Should one
        // fail, every statement behind it fails too (the transaction is aborted), so `work` never
        // runs outside its scope.
        let result!: Promise<T>;
        const opened = inOneWrite(client, () => {
          const begun = Promise.all([client.query('BEGIN'), opening && client.query(prepared(opening.sql, opening.params))]);
          result = work(tx); // its statements up to its first await join BEGIN in the same write
          return begun;
        });
        opened.catch(() => {}); // seen below, or through the statements of `work` that failed with it
        const done = await result;
        await opened;
        await (committed ?? client.query('COMMIT'));
        return done;
      } catch (error) {
        // A connection that cannot even roll back is closed instead of going back to the pool.
        if (!committed) await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
        else await committed.catch((commitError: Error) => (broken = commitError));
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
    info: { engine: 'postgres', startMs: Math.round(performance.now() - started), applied },
  };
}

/**
 * Runs `send` with the connection's socket corked: the statements it sends (pipelined) leave in one
 * write, at the end of this tick, instead of one system call each.
 */
function inOneWrite<T>(client: pg.PoolClient, send: () => T): T {
  const socket = (client as unknown as { connection: { stream: Socket } }).connection.stream; // pg's socket
  socket.cork();
  try {
    return send();
  } finally {
    process.nextTick(() => socket.uncork());
  }
}

const names = new Map<string, string>(); // statement text → its name

/**
 * Every statement as a named (prepared) one: each connection has PostgreSQL parse and plan it once,
 * then only binds new values to it, which halves the server's work on the short statements of the
 * hot path. The name is a hash of the text. The app's texts are a fixed set (values are always
 * parameters, never part of the text), so what each connection keeps stays small.
 */
function prepared(text: string, values?: readonly unknown[]): pg.QueryConfig {
  let name = names.get(text);
  if (!name) names.set(text, (name = `s${createHash('sha256').update(text).digest('hex').slice(0, 24)}`));
  return { name, text, values: values as unknown[] };
}

/** Runs the migrations on one connection as the url's user, the owner of the tables. */
async function migrateAsOwner(url: string): Promise<string[]> {
  const owner = new pg.Client({ connectionString: url });
  await owner.connect();
  try {
    return await migrate({
      query: async (sql, params) => (await owner.query(sql, params as unknown[])).rows,
      exec: async (sql) => void (await owner.query(sql)),
    });
  } finally {
    await owner.end();
  }
}

/**
 * Every pool connection starts as journey_app (`-c role=…`), after any server settings the url
 * itself passes in `options` (e.g. `-c default_transaction_read_only=on`): pg would let the url's
 * `options` replace ours, so they are taken out of it and put together here.
 */
function poolSettings(url: string): { connectionString: string; options: string } {
  const parsed = new URL(url);
  const own = parsed.searchParams.get('options');
  parsed.searchParams.delete('options');
  return { connectionString: parsed.href, options: [own, '-c role=journey_app'].filter(Boolean).join(' ') };
}
