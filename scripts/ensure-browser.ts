/**
 * `tsx scripts/ensure-browser.ts` — run first by `pnpm test` (and by `pnpm verify` itself): makes sure
 * a Chromium is there for the browser checks before anything starts, or says in one line what to run.
 */
import { fileURLToPath } from 'node:url';
import { ensureBrowser, machineFacts, runInstall } from './lib/browser';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const result = ensureBrowser(() => machineFacts(repoRoot), runInstall(repoRoot));
if (!result.ok) {
  console.error(result.message);
  process.exit(1);
}
