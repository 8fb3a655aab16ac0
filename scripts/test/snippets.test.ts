import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { END_MARKER, START_MARKER } from '../lib/diff-block';
import { updateDiffDocs } from '../lib/diff-docs';
import { blockEnd, splitHunks } from '../lib/snippets';
import { tempDir, writeFiles } from './temp-repo';

const REPO_BEFORE = [
  'export function listPatterns(db) {',
  "  return db.prepare('SELECT * FROM patterns').all();",
  '}',
  '',
  '/** Far enough from both changes that the diff shows them as two hunks. */',
  'export function countPatterns(db) {',
  "  const row = db.prepare('SELECT count(*) AS n FROM patterns').get();",
  '  return row.n;',
  '}',
  '',
  'export function removePattern(db, id) {',
  "  return db.prepare('DELETE FROM patterns WHERE id = ?').run(id);",
  '}',
  '',
].join('\n');
const REPO_AFTER = REPO_BEFORE.replace('FROM patterns\').all()', "FROM patterns WHERE user_id = ?').all(userId)")
  .replace('listPatterns(db)', 'listPatterns(db, userId)')
  .replace("WHERE id = ?').run(id)", "WHERE id = ? AND user_id = ?').run(id, userId)")
  .replace('removePattern(db, id)', 'removePattern(db, userId, id)');

const STORE = [
  '/** Patterns in localStorage. */',
  'export class LocalPatternStore {',
  '  list() {',
  '    return [];',
  '  }',
  '}',
  '',
  'export const KEY = "journey.patterns";',
  '',
].join('\n');

const PAIR_LESSON = [
  '# Stage 1 to 2',
  '',
  'Every query names its owner:',
  '',
  '<!-- hunk: src/repo.ts "listPatterns" -->',
  '<!-- /hunk -->',
  '',
  'And the store it replaces:',
  '',
  '<!-- excerpt: stage-1-personal/src/store.ts "class LocalPatternStore" -->',
  '<!-- /excerpt -->',
  '',
  START_MARKER,
  END_MARKER,
  '',
].join('\n');

function journey(files: Record<string, string> = {}): string {
  return tempDir({
    'stage-1-personal/package.json': '{ "name": "stage-1" }\n',
    'stage-1-personal/src/repo.ts': REPO_BEFORE,
    'stage-1-personal/src/store.ts': STORE,
    'stage-2-shared/package.json': '{ "name": "stage-2" }\n',
    'stage-2-shared/src/repo.ts': REPO_AFTER,
    'docs/stage-1-to-2.md': PAIR_LESSON,
    ...files,
  });
}

const read = (repo: string, doc = 'docs/stage-1-to-2.md') => readFileSync(join(repo, doc), 'utf8');
const section = (text: string, opening: string, closing: string) => text.slice(text.indexOf(opening), text.indexOf(closing) + closing.length);

describe('hunk markers', () => {
  it('fill in the hunks of the stage diff that contain the anchor, and no other', () => {
    const repo = journey();
    expect(updateDiffDocs(repo, { check: false }).problems).toEqual([]);
    const hunk = section(read(repo), '<!-- hunk:', '<!-- /hunk -->');
    expect(hunk).toBe(
      [
        '<!-- hunk: src/repo.ts "listPatterns" -->',
        '[`stage-2-shared/src/repo.ts`](../stage-2-shared/src/repo.ts#L1-L5)',
        '',
        '```diff',
        '@@ -1,5 +1,5 @@',
        '-export function listPatterns(db) {',
        "-  return db.prepare('SELECT * FROM patterns').all();",
        '+export function listPatterns(db, userId) {',
        "+  return db.prepare('SELECT * FROM patterns WHERE user_id = ?').all(userId);",
        ' }',
        ' ',
        ' /** Far enough from both changes that the diff shows them as two hunks. */',
        '```',
        '<!-- /hunk -->',
      ].join('\n'),
    );
    expect(updateDiffDocs(repo, { check: true }).problems).toEqual([]);
  });

  it('change a line inside a picked hunk and the check fails', () => {
    const repo = journey();
    updateDiffDocs(repo, { check: false });
    const before = read(repo);
    writeFiles(repo, { 'stage-2-shared/src/repo.ts': REPO_AFTER.replace("SELECT * FROM patterns WHERE user_id", 'SELECT id FROM patterns WHERE user_id') });
    // Put the full diff block back in step, so only the hand-picked hunk can be what is stale.
    const diffOnly = updateDiffDocs(repo, { check: false });
    expect(diffOnly.done).toEqual(['docs/stage-1-to-2.md updated.']);
    writeFileSync(join(repo, 'docs/stage-1-to-2.md'), read(repo).replace(section(read(repo), '<!-- hunk:', '<!-- /hunk -->'), section(before, '<!-- hunk:', '<!-- /hunk -->')));

    const report = updateDiffDocs(repo, { check: true });
    expect(report.problems).toEqual([
      'docs/stage-1-to-2.md is stale, run pnpm docs:diff: line 5: <!-- hunk: src/repo.ts "listPatterns" -->.',
    ]);
  });

  it('does not fail the check when the code changes outside the picked hunk only', () => {
    const repo = journey();
    updateDiffDocs(repo, { check: false });
    const hunk = section(read(repo), '<!-- hunk:', '<!-- /hunk -->');
    writeFiles(repo, { 'stage-2-shared/src/repo.ts': REPO_AFTER.replace('run(id, userId)', 'run(id, userId); // owner only') });
    updateDiffDocs(repo, { check: false });
    expect(section(read(repo), '<!-- hunk:', '<!-- /hunk -->')).toBe(hunk);
  });

  it('fails clearly when the anchor no longer appears in the diff, and leaves the old hunk in place', () => {
    const repo = journey();
    updateDiffDocs(repo, { check: false });
    const before = section(read(repo), '<!-- hunk:', '<!-- /hunk -->');
    writeFiles(repo, {
      'stage-1-personal/src/repo.ts': REPO_BEFORE.replaceAll('listPatterns', 'patternsOf'),
      'stage-2-shared/src/repo.ts': REPO_AFTER.replaceAll('listPatterns', 'patternsOf'),
    });
    const expected = [
      'docs/stage-1-to-2.md, line 5: <!-- hunk: src/repo.ts "listPatterns" -->: "listPatterns" no longer appears in the stage-1-personal → stage-2-shared diff of src/repo.ts: pick another anchor text.',
    ];
    expect(updateDiffDocs(repo, { check: true }).problems).toEqual(expect.arrayContaining(expected));
    expect(updateDiffDocs(repo, { check: false }).problems).toEqual(expected);
    expect(section(read(repo), '<!-- hunk:', '<!-- /hunk -->')).toBe(before);
  });

  it('shows every matching hunk, the whole diff without an anchor, and more context on request', () => {
    const repo = journey({
      'docs/stage-1-to-2.md': PAIR_LESSON.replace('"listPatterns" -->', '"user_id" -->').replace(
        '<!-- excerpt: stage-1-personal/src/store.ts "class LocalPatternStore" -->\n<!-- /excerpt -->',
        '<!-- hunk: src/repo.ts context=5 -->\n<!-- /hunk -->',
      ),
    });
    expect(updateDiffDocs(repo, { check: false }).problems).toEqual([]);
    const [byAnchor, whole] = read(repo).split('<!-- hunk:').slice(1).map((part) => part.slice(0, part.indexOf('<!-- /hunk -->')));
    expect(byAnchor!.match(/^@@ /gm)).toHaveLength(2);
    expect(whole!.match(/^@@ /gm)).toEqual(['@@ ']); // context=5 joins the two hunks
    expect(whole).toContain('removePattern');
  });

  it('reports a marker without its closing marker, an unknown option and a hunk in a one-stage lesson', () => {
    const repo = journey({
      'docs/stage-1-to-2.md': '# L\n\n<!-- hunk: src/repo.ts "listPatterns" -->\n\n<!-- hunk: src/repo.ts lines=3 -->\n<!-- /hunk -->\n',
      'docs/stage-1.md': '# Stage 1\n\n<!-- hunk: src/repo.ts -->\n<!-- /hunk -->\n',
    });
    const problems = updateDiffDocs(repo, { check: false }).problems;
    expect(problems).toEqual([
      expect.stringMatching(/^docs\/stage-1-to-2\.md, line 3: .* has no <!-- \/hunk --> after it/),
      expect.stringMatching(/^docs\/stage-1-to-2\.md, line 5: hunk takes context, not lines/),
      expect.stringMatching(/^docs\/stage-1\.md, line 3: .*hunks work only in a lesson between two stages/),
    ]);
  });

  it('leaves markers inside code fences alone, so a lesson can show the syntax', () => {
    const text = '# How\n\n```md\n<!-- hunk: src/nowhere.ts "x" -->\n<!-- /hunk -->\n```\n';
    const repo = journey({ 'docs/stage-1.md': text });
    expect(updateDiffDocs(repo, { check: false }).problems).toEqual([]);
    expect(read(repo, 'docs/stage-1.md')).toBe(text);
  });
});

describe('excerpt markers', () => {
  it('show the lines of a file from the anchor to the end of its block, linked', () => {
    const repo = journey({ 'docs/stage-1.md': '# Stage 1\n\n<!-- excerpt: stage-1-personal/src/store.ts "Patterns in localStorage" -->\n<!-- /excerpt -->\n' });
    expect(updateDiffDocs(repo, { check: false }).problems).toEqual([]);
    expect(read(repo, 'docs/stage-1.md')).toBe(
      [
        '# Stage 1',
        '',
        '<!-- excerpt: stage-1-personal/src/store.ts "Patterns in localStorage" -->',
        '[`stage-1-personal/src/store.ts`](../stage-1-personal/src/store.ts#L1-L6)',
        '',
        '```ts',
        ...STORE.split('\n').slice(0, 6),
        '```',
        '<!-- /excerpt -->',
        '',
      ].join('\n'),
    );
  });

  it('take lines=N lines, and go stale when one of them changes', () => {
    const doc = '# Stage 1\n\n<!-- excerpt: stage-1-personal/src/store.ts "export const KEY" lines=1 -->\n<!-- /excerpt -->\n';
    const repo = journey({ 'docs/stage-1.md': doc });
    updateDiffDocs(repo, { check: false });
    expect(read(repo, 'docs/stage-1.md')).toContain('```ts\nexport const KEY = "journey.patterns";\n```');
    expect(updateDiffDocs(repo, { check: true }).problems).toEqual([]);
    writeFiles(repo, { 'stage-1-personal/src/store.ts': STORE.replace('"journey.patterns"', '"journey.v2"') });
    expect(updateDiffDocs(repo, { check: true }).problems).toEqual([expect.stringMatching(/^docs\/stage-1\.md is stale, run pnpm docs:diff: line 3: <!-- excerpt:/)]);
  });

  it('refuse an anchor found on several lines or on none', () => {
    const repo = journey({
      'docs/stage-1.md': '# S\n\n<!-- excerpt: stage-1-personal/src/store.ts "Pattern" -->\n<!-- /excerpt -->\n\n<!-- excerpt: stage-1-personal/src/store.ts "gone" -->\n<!-- /excerpt -->\n',
    });
    const problems = updateDiffDocs(repo, { check: true }).problems.filter((problem) => problem.startsWith('docs/stage-1.md'));
    expect(problems).toEqual([
      expect.stringMatching(/line 3: .*"Pattern" appears on 2 lines of stage-1-personal\/src\/store\.ts \(1, 2\): make it longer\./),
      expect.stringMatching(/line 6: .*"gone" no longer appears in stage-1-personal\/src\/store\.ts: pick another anchor text\./),
    ]);
  });
});

describe('splitHunks and blockEnd', () => {
  it('split a diff at its @@ lines, dropping the file headers', () => {
    expect(splitHunks('--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n@@ -9 +9 @@\n-c\n+d')).toEqual(['@@ -1 +1 @@\n-a\n+b', '@@ -9 +9 @@\n-c\n+d']);
  });

  it('find the line that closes the block opened at or after the start', () => {
    const lines = ['/** doc */', 'function f() {', '  if (x) {', '  }', '}', 'after();'];
    expect(blockEnd(lines, 0)).toBe(4);
    expect(blockEnd(lines, 2)).toBe(3);
    expect(blockEnd(['const x = 1;'], 0)).toBeNull();
  });
});
