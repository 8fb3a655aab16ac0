// One bcrypt job, run on a worker thread of password-pool.ts. Plain JavaScript on purpose: a
// worker thread starts a fresh module loader, so a TypeScript file would need tsx loaded there
// too; this file loads the same under `pnpm start`, vitest and plain node.
import bcrypt from 'bcryptjs';

/** @param {{ op: 'hash', password: string, cost: number } | { op: 'verify', password: string, hash: string }} job */
export default function bcryptJob(job) {
  return job.op === 'hash' ? bcrypt.hashSync(job.password, job.cost) : bcrypt.compareSync(job.password, job.hash);
}
