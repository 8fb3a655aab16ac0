import { createHash } from 'node:crypto';

/** The first entry of a chain links to this: there is nothing before it. */
export const GENESIS = '0'.repeat(64);

/** What an entry's hash covers: every field a reader relies on, and the previous entry's hash. */
export interface HashedFields {
  chain: string;
  seq: number;
  orgId: string | null;
  at: string; // ISO 8601 with milliseconds, as stored
  action: string;
  actor: { type: string; id: string | null; label: string };
  target: { type: string; id: string | null; label: string } | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  summary: unknown;
  prevHash: string;
}

/**
 * JSON with object keys sorted, at every depth: the same value always gives the same text. (The
 * database keeps the summary as jsonb, which reorders keys; the hash must not care.)
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * SHA-256 over the canonical text of the fields, in a fixed order. Changing any field of a stored
 * entry changes its hash; and since the next entry stores this hash as its prevHash, removing or
 * rewriting an entry breaks the link after it. Recomputing the whole tail is needed to hide it.
 */
export function entryHash(fields: HashedFields): string {
  const { chain, seq, orgId, at, action, actor, target, ip, userAgent, requestId, summary, prevHash } = fields;
  const ordered = [chain, seq, orgId, at, action, actor, target, ip, userAgent, requestId, summary, prevHash];
  return createHash('sha256').update(canonicalJson(ordered)).digest('hex');
}
