import { randomUUID } from 'node:crypto';
import type { PatternInput } from '@journey/llm-core';
import type { Pattern } from '../shared/api';
import type { Db } from './db';

const COLUMNS = 'id, trigger, response, created_at AS createdAt, updated_at AS updatedAt';

/**
 * The only module that speaks SQL about patterns. Every value travels as a bound parameter (`?`),
 * never glued into the SQL text, so a trigger like `'); DROP TABLE patterns; --` is just text.
 *
 * Every function takes the user's id first and every statement says `user_id = ?`: to this module,
 * another user's pattern is a pattern that does not exist. There is no function without it.
 */
export function createPatternsRepo(db: Db) {
  const statements = {
    list: db.prepare<[string], Pattern>(
      `SELECT ${COLUMNS} FROM patterns WHERE user_id = ? ORDER BY created_at, rowid`,
    ),
    insert: db.prepare<[string, string, string, string], Pattern>(
      `INSERT INTO patterns (user_id, id, trigger, response) VALUES (?, ?, ?, ?) RETURNING ${COLUMNS}`,
    ),
    update: db.prepare<[string | null, string | null, string, string], Pattern>(
      `UPDATE patterns
          SET trigger    = coalesce(?, trigger),
              response   = coalesce(?, response),
              updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
        WHERE user_id = ? AND id = ?
        RETURNING ${COLUMNS}`,
    ),
    remove: db.prepare<[string, string]>('DELETE FROM patterns WHERE user_id = ? AND id = ?'),
  };

  return {
    /**
     * Runs `work` in one transaction: it commits if `work` returns, and is rolled back if it throws.
     * `immediate` takes the write lock at BEGIN, where busy_timeout can wait for it; a transaction
     * that takes it later, halfway through, may fail with SQLITE_BUSY instead of waiting.
     */
    transaction: <T>(work: () => T): T => db.transaction(work).immediate(),
    list: (userId: string): Pattern[] => statements.list.all(userId),
    insert: (userId: string, input: PatternInput): Pattern =>
      statements.insert.get(userId, randomUUID(), input.trigger, input.response)!,
    update: (userId: string, id: string, changes: Partial<PatternInput>): Pattern | undefined =>
      statements.update.get(changes.trigger ?? null, changes.response ?? null, userId, id),
    /** True when a row was deleted. */
    remove: (userId: string, id: string): boolean => statements.remove.run(userId, id).changes > 0,
  };
}

export type PatternsRepo = ReturnType<typeof createPatternsRepo>;
