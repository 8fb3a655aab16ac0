/**
 * `pnpm --filter stage-5 bench:audit`: what the audit trail costs, on PostgreSQL (TEST_DATABASE_URL,
 * default the local server; a throwaway database). Printed, never asserted: figures depend on the machine.
 *
 * 1. One role change in its transaction, without and with its audit entry (alternated, same run).
 * 2. Eight writers on one organization at once: the chain's lock makes them take turns.
 * 3. audit:verify over N entries of one chain.
 */
import { randomUUID } from 'node:crypto';
import { recordAudit } from '../src/server/audit/audit';
import { GENESIS, entryHash } from '../src/server/audit/audit-hash';
import { openOwnerSession } from '../src/server/audit/owner-session';
import { verifyChains } from '../src/server/audit/verify-chains';
import { organizationsRepo } from '../src/server/organizations-repo';
import { newOrganization } from '../src/server/organizations-service';
import { createUsersRepo } from '../src/server/users-repo';
import { freshDatabase } from '../test/databases';

const ROUNDS = Number(process.env.ROUNDS ?? 500);
const VERIFY_ROWS = Number(process.env.VERIFY_ROWS ?? 100_000);

const database = await freshDatabase('postgres');
const db = await database.open();
try {
  const users = createUsersRepo(db);
  const owner = (await users.insert(`owner-${randomUUID()}@example.com`, 'x'))!;
  const member = (await users.insert(`member-${randomUUID()}@example.com`, 'x'))!;
  const org = newOrganization('Bench');
  await db.forOrg(org.id, async (tx) => {
    await organizationsRepo.insert(tx, org, owner.id);
    await organizationsRepo.addMember(tx, org.id, member.id, 'member');
  });
  const actor = { type: 'user', id: owner.id, label: owner.email };
  const changeRole = (audited: boolean, role: 'admin' | 'member') =>
    db.forOrg(org.id, async (tx) => {
      await organizationsRepo.setRole(tx, org.id, member.id, role);
      if (audited) await recordAudit(tx, { orgId: org.id, action: 'member.role_changed', actor, target: { type: 'user', id: member.id, label: member.email }, summary: { after: { role } } });
    });

  // 1. Alternating, so both sides meet the same machine load.
  const spent = { plain: 0, audited: 0 };
  for (let i = 0; i < 50; i++) await changeRole(i % 2 === 0, i % 2 ? 'admin' : 'member'); // warm-up
  for (let i = 0; i < ROUNDS * 2; i++) {
    const audited = i % 2 === 1;
    const started = performance.now();
    await changeRole(audited, i % 4 < 2 ? 'admin' : 'member');
    spent[audited ? 'audited' : 'plain'] += performance.now() - started;
  }
  const plain = spent.plain / ROUNDS;
  const audited = spent.audited / ROUNDS;
  console.log(`role change, ${ROUNDS} each: unaudited ${plain.toFixed(3)} ms, audited ${audited.toFixed(3)} ms (×${(audited / plain).toFixed(2)}, +${(audited - plain).toFixed(3)} ms)`);

  // 2. Eight at once on one chain.
  const started = performance.now();
  let done = 0;
  await Promise.all(Array.from({ length: 8 }, async () => {
    for (let i = 0; i < ROUNDS / 8; i++, done++) await changeRole(true, i % 2 ? 'admin' : 'member');
  }));
  const ms = performance.now() - started;
  console.log(`8 concurrent writers, one organization: ${done} audited changes in ${Math.round(ms)} ms (${Math.round(done / (ms / 1000))}/s)`);

  // 3. A long chain, written straight as the owner (fast), then verified.
  const ownerSession = await openOwnerSession(database.where);
  const chain = randomUUID();
  let prevHash = GENESIS;
  const at = Date.now() - VERIFY_ROWS * 1000;
  for (let from = 1; from <= VERIFY_ROWS; from += 1000) {
    const rows = [];
    for (let seq = from; seq < Math.min(from + 1000, VERIFY_ROWS + 1); seq++) {
      const fields = {
        chain, seq, orgId: chain, at: new Date(at + seq * 1000).toISOString(), action: 'pattern.deleted', actor, target: { type: 'pattern', id: null, label: `p${seq}` },
        ip: '127.0.0.1', userAgent: 'bench', requestId: randomUUID(), summary: {}, prevHash,
      };
      prevHash = entryHash(fields);
      rows.push({ chain, seq, org_id: chain, at: fields.at, action: fields.action, actor_type: 'user', actor_id: owner.id, actor_label: owner.email, target_type: 'pattern', target_id: null, target_label: `p${seq}`, ip: fields.ip, user_agent: fields.userAgent, request_id: fields.requestId, summary: {}, prev_hash: fields.prevHash, hash: prevHash });
    }
    await ownerSession.query(
      `INSERT INTO audit_log (chain, seq, org_id, at, action, actor_type, actor_id, actor_label, target_type, target_id, target_label, ip, user_agent, request_id, summary, prev_hash, hash)
       SELECT chain, seq, org_id, at, action, actor_type, actor_id, actor_label, target_type, target_id, target_label, ip, user_agent, request_id, summary, prev_hash, hash
         FROM json_populate_recordset(NULL::audit_log, $1::json)`,
      [JSON.stringify(rows)],
    );
  }
  await ownerSession.query('INSERT INTO audit_chain_heads (chain, seq, hash) VALUES ($1, $2, $3)', [chain, VERIFY_ROWS, prevHash]);
  const verifyStarted = performance.now();
  const report = await verifyChains(ownerSession);
  const verifyMs = performance.now() - verifyStarted;
  console.log(`audit:verify: ${report.entries} entries in ${report.chains} chains in ${Math.round(verifyMs)} ms (${Math.round(report.entries / (verifyMs / 1000))} entries/s), ${report.problems.length} problems`);
  await ownerSession.close();
} finally {
  await database.drop();
}
