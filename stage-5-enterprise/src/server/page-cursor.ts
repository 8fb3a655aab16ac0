import { AppError } from './app-error';

/**
 * Where a page ends, in its list's order (newest first: created_at, then a key that settles ties):
 * the next page starts after it. `micros` is created_at in microseconds since 1970, as digits:
 * PostgreSQL keeps microseconds, and a position must be exact.
 */
export interface PagePosition {
  micros: string;
  key: string;
}

/** Later than any created_at (the year 5138): a list's first page starts before everything. */
export const LATEST_MICROS = '99999999999999999';

/**
 * The cursor a client gets is opaque (base64url of the position) so that it only passes it back,
 * and the order can change without breaking clients. A cursor stays valid when rows are added or
 * deleted: it names a place in the order, not an offset.
 */
export const encodeCursor = ({ micros, key }: PagePosition): string => Buffer.from(JSON.stringify([micros, key])).toString('base64url');

/** The position in a cursor the server gave out for a list whose keys look like `validKey`; 400 for anything else. */
export function decodeCursor(cursor: string, validKey: (key: string) => boolean): PagePosition {
  try {
    const [micros, key] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof micros === 'string' && /^\d{1,17}$/.test(micros) && typeof key === 'string' && validKey(key)) return { micros, key };
  } catch {
    // falls through to the refusal below
  }
  throw new AppError('invalid_cursor', 'This cursor is not one the server gave out; start again without it.');
}
