/** timestamptz columns arrive as Date (on both engines); the API speaks ISO 8601 text. */
export const iso = (date: Date): string => date.toISOString();
export const isoOrNull = (date: Date | null): string | null => (date ? date.toISOString() : null);

/** PostgreSQL's code for a UNIQUE violation, the same from pg and PGlite. */
export const isUniqueViolation = (error: unknown): boolean => (error as { code?: string }).code === '23505';

/** Ids are uuids: anything else names no row (and must not reach PostgreSQL, which would refuse to cast it). */
export const isUuid = (id: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** Both engines refuse a statement after `tx.andCommit` (db/index.ts): its COMMIT was sent with it. */
export const afterAndCommit = (): Error => new Error('this transaction was committed with andCommit: its last statement was sent');
