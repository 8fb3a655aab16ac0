import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { END_MARKER, START_MARKER } from '../lib/diff-block';
import { updateDiffDocs } from '../lib/diff-docs';
import { tempDir, writeFiles } from './temp-repo';

const LESSON = `# Stage 1 to 2\n\nWhy a server.\n\n${START_MARKER}\n${END_MARKER}\n\nWhat is still missing.\n`;

/** Two stage folders and a lesson, plus the noise the script must ignore. */
function journey(extra: Record<string, string> = {}): string {
  return tempDir({
    'stage-1-personal/package.json': '{\n  "name": "stage-1",\n  "description": "one browser"\n}\n',
    'stage-1-personal/src/web/store.ts': 'export const store = "localStorage";\n',
    'stage-1-personal/src/web/old.ts': 'export const gone = true;\n',
    'stage-1-personal/src/web/same.ts': 'export const same = 1;\n',
    'stage-2-shared/package.json': '{\n  "name": "stage-2",\n  "description": "shared"\n}\n',
    'stage-2-shared/src/web/store.ts': 'export const store = "http";\n',
    'stage-2-shared/src/web/same.ts': 'export const same = 1;\n',
    'stage-2-shared/src/server/app.ts': 'export const app = 1;\n',
    'stage-2-shared/node_modules/x/index.js': 'noise\n',
    'stage-2-shared/dist/index.html': 'noise\n',
    'stage-2-shared/data/patterns.db': 'noise\n',
    'stage-2-shared/test-results/r.json': 'noise\n',
    'stage-2-shared/tsconfig.tsbuildinfo': 'noise\n',
    'docs/stage-1-to-2.md': LESSON,
    ...extra,
  });
}

const lesson = (repo: string) => readFileSync(join(repo, 'docs/stage-1-to-2.md'), 'utf8');

describe('pnpm docs:diff', () => {
  it('writes the file table and diffs between the markers, keeping the prose', () => {
    const repo = journey();
    const report = updateDiffDocs(repo, { check: false });
    expect(report.problems).toEqual([]);
    const text = lesson(repo);
    expect(text.startsWith('# Stage 1 to 2\n\nWhy a server.\n\n')).toBe(true);
    expect(text.endsWith(`${END_MARKER}\n\nWhat is still missing.\n`)).toBe(true);
    expect(text).toContain('1 added, 2 changed, 1 removed, 1 unchanged');
    expect(text).toContain('| `src/web/old.ts` | page | removed | 0 | 1 |');
    expect(text).toContain('| [`src/server/app.ts`](#srcserverappts-added) | routes | added | 1 | 0 |');
    // package.json name and description are real changes, shown as such.
    expect(text).toContain('\n-  "name": "stage-1",\n');
    expect(text).toContain('\n+  "description": "shared"\n');
    expect(text).toContain('--- a/src/web/store.ts\n+++ b/src/web/store.ts\n@@ -1 +1 @@');
    expect(text).not.toMatch(/noise|node_modules|tsbuildinfo|patterns\.db/);
    expect(text).not.toContain(repo); // headers name stage-relative paths, never the machine's
  });

  it('writes the same bytes every run', () => {
    const repo = journey();
    updateDiffDocs(repo, { check: false });
    const first = lesson(repo);
    const again = updateDiffDocs(repo, { check: false });
    expect(lesson(repo)).toBe(first);
    expect(again.done).toEqual(['docs/stage-1-to-2.md is already current.']);
  });

  it('only looks at files git would track when the stages live in a git checkout', () => {
    const repo = journey({ 'stage-2-shared/.gitignore': 'secret.env\n', 'stage-2-shared/secret.env': 'KEY=1\n' });
    expect(spawnSync('git', ['init', '-q'], { cwd: repo }).status).toBe(0);
    updateDiffDocs(repo, { check: false });
    expect(lesson(repo)).toContain('[`.gitignore`](#gitignore-added) | tooling | added');
    expect(lesson(repo)).not.toContain('secret.env |');
  });

  it('lists binary and empty files without printing their bytes', () => {
    const repo = journey({ 'stage-2-shared/public/icon.png': '\u0089PNG\0\0\0\rIHDR', 'stage-2-shared/.keep': '' });
    updateDiffDocs(repo, { check: false });
    const text = lesson(repo);
    expect(text).toContain('| [`public/icon.png`](#publiciconpng-added) | page | added | 0 | 0 |');
    expect(text).toContain('### `public/icon.png` (added)\n\n_Binary or empty file; nothing to show._');
    expect(text).toContain('### `.keep` (added)\n\n_Binary or empty file; nothing to show._');
    expect(text).not.toContain('IHDR');
  });

  it('appends a generated section to a lesson written without markers', () => {
    const repo = journey({ 'docs/stage-1-to-2.md': '# Stage 1 to 2\n\nProse only.\n' });
    const report = updateDiffDocs(repo, { check: false });
    expect(report.done[0]).toMatch(/appended/);
    expect(lesson(repo)).toMatch(/^# Stage 1 to 2\n\nProse only\.\n\n## Every changed file\n\n<!-- diff:start -->/);
    expect(updateDiffDocs(repo, { check: true }).problems).toEqual([]);
  });

  it('warns about a missing lesson without creating it', () => {
    const repo = journey();
    rmSync(join(repo, 'docs/stage-1-to-2.md'));
    const report = updateDiffDocs(repo, { check: false });
    expect(report.warnings).toEqual([expect.stringContaining('docs/stage-1-to-2.md does not exist yet')]);
    expect(report.problems).toEqual([]);
    expect(() => lesson(repo)).toThrow(/ENOENT/);
  });

  it('ignores pairs whose second stage does not exist yet', () => {
    const repo = journey({ 'docs/stage-2-to-3.md': LESSON });
    updateDiffDocs(repo, { check: false });
    expect(readFileSync(join(repo, 'docs/stage-2-to-3.md'), 'utf8')).toBe(LESSON);
  });
});

describe('pnpm docs:check', () => {
  it('passes when the blocks are current and writes nothing', () => {
    const repo = journey();
    updateDiffDocs(repo, { check: false });
    const before = lesson(repo);
    const report = updateDiffDocs(repo, { check: true });
    expect(report.problems).toEqual([]);
    expect(report.done).toEqual(['docs/stage-1-to-2.md is current.']);
    expect(lesson(repo)).toBe(before);
  });

  it('names the stale doc and the command to run when a stage file changed', () => {
    const repo = journey();
    updateDiffDocs(repo, { check: false });
    writeFiles(repo, { 'stage-2-shared/src/server/app.ts': 'export const app = 2;\n' });
    const before = lesson(repo);
    const report = updateDiffDocs(repo, { check: true });
    expect(report.problems).toEqual([expect.stringMatching(/docs\/stage-1-to-2\.md is stale.*run pnpm docs:diff/)]);
    expect(lesson(repo)).toBe(before);
  });

  it('fails when a new file appears in a stage', () => {
    const repo = journey();
    updateDiffDocs(repo, { check: false });
    writeFiles(repo, { 'stage-1-personal/README.md': '# Stage 1\n' });
    expect(updateDiffDocs(repo, { check: true }).problems).toHaveLength(1);
  });

  it('fails when the generated block was edited by hand', () => {
    const repo = journey();
    updateDiffDocs(repo, { check: false });
    writeFileSync(join(repo, 'docs/stage-1-to-2.md'), lesson(repo).replace('| routes | added |', '| routes | new |'));
    expect(updateDiffDocs(repo, { check: true }).problems).toEqual([expect.stringMatching(/stale/)]);
  });

  it('fails when a lesson for an existing pair has no markers', () => {
    const repo = journey({ 'docs/stage-1-to-2.md': '# Stage 1 to 2\n' });
    const report = updateDiffDocs(repo, { check: true });
    expect(report.problems).toEqual([expect.stringMatching(/has no <!-- diff:start -->.*run pnpm docs:diff/)]);
    expect(lesson(repo)).toBe('# Stage 1 to 2\n');
  });

  it('does not fail for prose edited outside the markers', () => {
    const repo = journey();
    updateDiffDocs(repo, { check: false });
    writeFileSync(join(repo, 'docs/stage-1-to-2.md'), lesson(repo).replace('Why a server.', 'Why a server, now.'));
    expect(updateDiffDocs(repo, { check: true }).problems).toEqual([]);
  });
});
