import type { Queryable } from '../db';

/** AUDIT_RETENTION_DAYS: how long entries are kept (default 365; a compliance rule may ask for more). */
export function retentionDays(env: NodeJS.ProcessEnv = process.env): number {
  const days = Number(env.AUDIT_RETENTION_DAYS ?? 365);
  if (!Number.isInteger(days) || days < 1) throw new Error(`AUDIT_RETENTION_DAYS must be a whole number of days, at least 1 (it is ${env.AUDIT_RETENTION_DAYS}).`);
  return days;
}

/**
 * Deletes every chain's entries older than `days`, as the owner (the app role may not delete).
 * A chain stays verifiable: its head keeps the seq and hash of the last deleted entry as its
 * anchor, and audit:verify starts there. Each chain in its own transaction, locked like a writer.
 */
export async function pruneAudit(owner: Queryable, days: number, now = new Date()): Promise<{ deleted: number }> {
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  const chains = await owner.query<{ chain: string }>('SELECT chain FROM audit_chain_heads');
  let deleted = 0;
  for (const { chain } of chains) {
    await owner.query('BEGIN');
    try {
      await owner.query('SELECT 1 FROM audit_chain_heads WHERE chain = $1 FOR UPDATE', [chain]);
      const [last] = await owner.query<{ seq: number; hash: string }>(
        'SELECT seq, hash FROM audit_log WHERE chain = $1 AND at < $2 ORDER BY seq DESC LIMIT 1',
        [chain, cutoff],
      );
      if (last) {
        const gone = await owner.query('DELETE FROM audit_log WHERE chain = $1 AND seq <= $2 RETURNING 1', [chain, last.seq]);
        await owner.query('UPDATE audit_chain_heads SET anchor_seq = $2, anchor_hash = $3 WHERE chain = $1', [chain, last.seq, last.hash]);
        deleted += gone.length;
      }
      await owner.query('COMMIT');
    } catch (error) {
      await owner.query('ROLLBACK');
      throw error;
    }
  }
  return { deleted };
}
