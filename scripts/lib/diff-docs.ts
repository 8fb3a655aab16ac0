import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appendBlock, END_MARKER, renderDiffBlock, replaceBlock, START_MARKER } from './diff-block';
import { diffFolders } from './file-diff';
import { existingPairs } from './journey';

export interface DiffDocsReport {
  /** What was written or found current. */
  done: string[];
  /** Worth saying, not failing: e.g. a pair of stages without its doc yet. */
  warnings: string[];
  /** Reasons to fail: stale blocks, missing or broken markers. */
  problems: string[];
}

/**
 * Regenerates the diff block of every docs/stage-N-to-M.md whose two stage folders exist.
 * With `check`, writes nothing and reports every doc whose block would change.
 */
export function updateDiffDocs(repoRoot: string, options: { check: boolean }): DiffDocsReport {
  const report: DiffDocsReport = { done: [], warnings: [], problems: [] };
  for (const { from, to, doc } of existingPairs(repoRoot)) {
    const docFile = join(repoRoot, doc);
    if (!existsSync(docFile)) {
      report.warnings.push(`${doc} does not exist yet: write the lesson for ${from.folder} → ${to.folder}, then run pnpm docs:diff.`);
      continue;
    }
    const current = readFileSync(docFile, 'utf8');
    const block = renderDiffBlock(from.folder, to.folder, diffFolders(join(repoRoot, from.folder), join(repoRoot, to.folder)));
    const replaced = replaceBlock(current, block);

    if (!replaced.ok && replaced.reason === 'bad-markers') {
      report.problems.push(`${doc}: needs exactly one ${START_MARKER} followed by one ${END_MARKER}; fix them by hand, then run pnpm docs:diff.`);
      continue;
    }
    if (options.check) {
      if (!replaced.ok) report.problems.push(`${doc} has no ${START_MARKER} / ${END_MARKER} block: run pnpm docs:diff.`);
      else if (replaced.text !== current) report.problems.push(`${doc} is stale (${from.folder} or ${to.folder} changed since it was generated): run pnpm docs:diff.`);
      else report.done.push(`${doc} is current.`);
      continue;
    }
    const next = replaced.ok ? replaced.text : appendBlock(current, block);
    if (next === current) {
      report.done.push(`${doc} is already current.`);
    } else {
      writeFileSync(docFile, next);
      report.done.push(replaced.ok ? `${doc} updated.` : `${doc} had no markers: appended a generated section at its end.`);
    }
  }
  return report;
}
