import type { Queryable } from '../db';
import { entryHash } from './audit-hash';
import { toEntry, type AuditRow } from './audit-repo';

export interface ChainProblem {
  chain: string; // an organization's id, or 'platform'
  seq: number;
  entryId: number | null;
  problem: string;
}

export interface VerifyReport {
  chains: number;
  entries: number;
  problems: ChainProblem[];
}

/** Rows read at a time: a chain of millions is walked without holding it in memory. */
const BATCH = 5000;

/**
 * Walks every chain from its anchor (0 and the genesis hash, or where pruning left it) to its head,
 * recomputing each entry's hash. It finds:
 * - a changed entry: its stored hash is not the hash of its fields;
 * - a removed entry: a gap in seq, or a prev_hash that is not the previous entry's hash;
 * - a removed or rewritten last entry: the head (seq, hash) names an entry that is not there.
 * Run as the owner (openOwnerSession): row-level security would show the app role one chain at a time.
 */
export async function verifyChains(owner: Queryable): Promise<VerifyReport> {
  const heads = await owner.query<{ chain: string; seq: number; hash: string; anchor_seq: number; anchor_hash: string }>(
    'SELECT chain, seq, hash, anchor_seq, anchor_hash FROM audit_chain_heads ORDER BY chain',
  );
  const report: VerifyReport = { chains: heads.length, entries: 0, problems: [] };
  for (const head of heads) {
    let seq = head.anchor_seq;
    let hash = head.anchor_hash;
    const problem = (at: number, entryId: number | null, text: string) => report.problems.push({ chain: head.chain, seq: at, entryId, problem: text });
    for (;;) {
      const rows = await owner.query<AuditRow>('SELECT * FROM audit_log WHERE chain = $1 AND seq > $2 ORDER BY seq LIMIT $3', [head.chain, seq, BATCH]);
      for (const row of rows) {
        report.entries++;
        if (row.seq !== seq + 1) problem(seq + 1, null, `entries ${seq + 1}…${row.seq - 1} are missing`);
        else if (row.prev_hash !== hash) problem(row.seq, row.id, 'its prev_hash is not the previous entry\'s hash (an entry before it was removed or rewritten)');
        const recomputed = entryHash({ ...toEntry(row), chain: row.chain, prevHash: row.prev_hash });
        if (recomputed !== row.hash) problem(row.seq, row.id, 'its fields do not match its hash (the entry was changed)');
        seq = row.seq;
        hash = row.hash;
      }
      if (rows.length < BATCH) break;
    }
    if (seq !== head.seq || hash !== head.hash) problem(head.seq, null, `the chain ends at entry ${seq}, but its head says ${head.seq} (its last entries were removed or rewritten)`);
  }
  return report;
}
