import { AppError } from './app-error';
import { isUuid } from './db/iso';

/**
 * Where a page of patterns ends, in their order (newest first: created_at, then id): the next page
 * starts after it. `micros` is created_at in microseconds since 1970, as digits: PostgreSQL keeps
 * microseconds, and a position must be exact.
 */
export interface PagePosition {
  micros: string;
  id: string;
}

/** The first page starts before everything: later than any created_at (year 5138), above any id. */
export const START: PagePosition = { micros: '99999999999999999', id: 'ffffffff-ffff-ffff-ffff-ffffffffffff' };

/**
 * The cursor a client gets is opaque (base64url of the position) so that it only passes it back,
 * and the order can change without breaking clients. A cursor stays valid when rows are added or
 * deleted: it names a place in the order, not an offset.
 */
export const encodeCursor = ({ micros, id }: PagePosition): string => Buffer.from(JSON.stringify([micros, id])).toString('base64url');

export function decodeCursor(cursor: string): PagePosition {
  try {
    const [micros, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof micros === 'string' && /^\d{1,17}$/.test(micros) && typeof id === 'string' && isUuid(id)) return { micros, id };
  } catch {
    // falls through to the refusal below
  }
  throw new AppError('invalid_cursor', 'This cursor is not one the server gave out; start again without it.');
}
