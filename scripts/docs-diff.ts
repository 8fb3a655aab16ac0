/**
 * `pnpm docs:diff` writes what the lessons in docs/ take from the code: the file table and folded
 * diffs of every docs/stage-N-to-M.md, and the hand-picked hunks and excerpts between markers
 * (syntax in lib/snippet-markers.ts). `pnpm docs:check` (--check) fails when any of it is stale.
 */
import { fileURLToPath } from 'node:url';
import { updateDiffDocs } from './lib/diff-docs';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const check = process.argv.includes('--check');
const report = updateDiffDocs(repoRoot, { check });

for (const line of report.done) console.log(line);
for (const line of report.warnings) console.warn(`warning: ${line}`);
if (report.problems.length > 0) {
  console.error(`\n${check ? 'docs:check' : 'docs:diff'} failed:`);
  for (const line of report.problems) console.error(`  - ${line}`);
  process.exit(1);
}
