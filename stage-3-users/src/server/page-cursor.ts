import { AppError } from './app-error';

/** Where a page of patterns ends, in their order (newest first: created_at, then rowid): the next page starts after it. */
export interface PagePosition {
  createdAt: string;
  seq: number;
}

/** The first page starts before everything: later than any created_at (they begin with the year). */
export const START: PagePosition = { createdAt: '9999', seq: Number.MAX_SAFE_INTEGER };

/**
 * The cursor a client gets is opaque (base64url of the position) so that it only passes it back,
 * and the order can change without breaking clients. A cursor stays valid when rows are added or
 * deleted: it names a place in the order, not an offset.
 */
export const encodeCursor = ({ createdAt, seq }: PagePosition): string => Buffer.from(JSON.stringify([createdAt, seq])).toString('base64url');

export function decodeCursor(cursor: string): PagePosition {
  try {
    const [createdAt, seq] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof createdAt === 'string' && Number.isSafeInteger(seq)) return { createdAt, seq: seq as number };
  } catch {
    // falls through to the refusal below
  }
  throw new AppError('invalid_cursor', 'This cursor is not one the server gave out; start again without it.');
}
