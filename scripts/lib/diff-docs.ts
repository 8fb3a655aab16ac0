import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appendBlock, END_MARKER, renderDiffBlock, replaceBlock, START_MARKER } from './diff-block';
import { diffFolders } from './file-diff';
import { existingPairs, type StagePair } from './journey';
import { fillSnippets } from './snippet-markers';
import { renderSnippet } from './snippets';

export interface DiffDocsReport {
  /** What was written or found current. */
  done: string[];
  /** Worth saying, not failing: e.g. a pair of stages without its doc yet. */
  warnings: string[];
  /** Reasons to fail: stale blocks, missing or broken markers, anchors gone from the code. */
  problems: string[];
}

/**
 * Regenerates what the lessons in docs/ take from the code: the diff block of every
 * docs/stage-N-to-M.md whose two stage folders exist, and every hunk and excerpt marker
 * (snippet-markers.ts). With `check`, writes nothing and reports whatever would change.
 */
export function updateDiffDocs(repoRoot: string, options: { check: boolean }): DiffDocsReport {
  const report: DiffDocsReport = { done: [], warnings: [], problems: [] };
  const pairs = existingPairs(repoRoot);
  for (const { from, to, doc } of pairs) {
    if (!existsSync(join(repoRoot, doc))) {
      report.warnings.push(`${doc} does not exist yet: write the lesson for ${from.folder} → ${to.folder}, then run pnpm docs:diff.`);
    }
  }
  for (const doc of lessons(repoRoot)) {
    const pair = pairs.find((candidate) => candidate.doc === doc) ?? null;
    updateDoc(repoRoot, doc, pair, options.check, report);
  }
  return report;
}

/** The markdown files of docs/, repo-relative, in a stable order. */
function lessons(repoRoot: string): string[] {
  const dir = join(repoRoot, 'docs');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`);
}

function updateDoc(repoRoot: string, doc: string, pair: StagePair | null, check: boolean, report: DiffDocsReport): void {
  const docFile = join(repoRoot, doc);
  const current = readFileSync(docFile, 'utf8');
  let next = current;
  let appended = false;
  const stale: string[] = [];

  if (pair) {
    const block = renderDiffBlock(pair.from.folder, pair.to.folder, diffFolders(join(repoRoot, pair.from.folder), join(repoRoot, pair.to.folder)));
    const replaced = replaceBlock(current, block);
    if (!replaced.ok && replaced.reason === 'bad-markers') {
      report.problems.push(`${doc}: needs exactly one ${START_MARKER} followed by one ${END_MARKER}; fix them by hand, then run pnpm docs:diff.`);
      return;
    }
    if (!replaced.ok) {
      if (check) report.problems.push(`${doc} has no ${START_MARKER} / ${END_MARKER} block: run pnpm docs:diff.`);
      next = appendBlock(current, block);
      appended = true;
    } else {
      next = replaced.text;
      if (next !== current) stale.push(`the generated diff (${pair.from.folder} or ${pair.to.folder} changed since it was generated)`);
    }
  }

  const snippetPair = pair && { from: pair.from.folder, to: pair.to.folder };
  const filled = fillSnippets(next, (marker) => renderSnippet(repoRoot, snippetPair, marker), { start: START_MARKER, end: END_MARKER });
  next = filled.text;
  for (const problem of filled.problems) report.problems.push(`${doc}, ${problem}`);
  for (const marker of filled.changed) stale.push(`line ${marker.line}: ${marker.source}`);

  if (!pair && next === current && filled.problems.length === 0 && !/<!-- (hunk|excerpt):/.test(current)) return; // no markers
  if (check) {
    if (appended) return; // already reported: no block
    if (stale.length > 0) report.problems.push(`${doc} is stale, run pnpm docs:diff: ${stale.join('; ')}.`);
    else if (filled.problems.length === 0) report.done.push(`${doc} is current.`);
    return;
  }
  if (next === current) {
    report.done.push(`${doc} is already current.`);
    return;
  }
  writeFileSync(docFile, next);
  report.done.push(appended ? `${doc} had no markers: appended a generated section at its end.` : `${doc} updated.`);
}
