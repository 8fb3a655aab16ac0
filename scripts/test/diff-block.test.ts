import { describe, expect, it } from 'vitest';
import { appendBlock, END_MARKER, MAX_DIFF_LINES, renderDiffBlock, replaceBlock, START_MARKER } from '../lib/diff-block';
import type { FileChange } from '../lib/file-diff';

const doc = (inner: string) => `# Lesson\n\nProse before.\n\n${START_MARKER}\n${inner}\n${END_MARKER}\n\nProse after.\n`;

describe('replaceBlock', () => {
  it('replaces only what is between the markers', () => {
    const result = replaceBlock(doc('old table'), 'new table');
    expect(result).toEqual({ ok: true, text: doc('new table') });
  });

  it('is idempotent: replacing with the same block gives the same text', () => {
    const once = replaceBlock(doc('x'), 'block');
    const twice = once.ok ? replaceBlock(once.text, 'block') : once;
    expect(twice).toEqual(once);
  });

  it('reports a doc without markers', () => {
    expect(replaceBlock('# Lesson\n\nNo block yet.\n', 'b')).toEqual({ ok: false, reason: 'no-markers' });
  });

  it('reports markers that are missing half, reversed or doubled', () => {
    expect(replaceBlock(`${START_MARKER}\nx\n`, 'b')).toEqual({ ok: false, reason: 'bad-markers' });
    expect(replaceBlock(`${END_MARKER}\nx\n${START_MARKER}\n`, 'b')).toEqual({ ok: false, reason: 'bad-markers' });
    expect(replaceBlock(doc('a') + doc('b'), 'b')).toEqual({ ok: false, reason: 'bad-markers' });
  });

  it('refuses a block that would contain a marker', () => {
    expect(() => replaceBlock(doc('x'), `text ${END_MARKER}`)).toThrow(/marker/);
  });
});

describe('appendBlock', () => {
  it('adds a closing section whose markers replaceBlock then finds', () => {
    const appended = appendBlock('# Lesson\n\nProse.', 'generated');
    expect(appended.startsWith('# Lesson\n\nProse.\n')).toBe(true);
    expect(replaceBlock(appended, 'generated')).toEqual({ ok: true, text: appended });
  });
});

describe('renderDiffBlock', () => {
  const change = (path: string, status: FileChange['status'], diff: string | null): FileChange => ({
    path,
    status,
    addedLines: 1,
    removedLines: status === 'added' ? 0 : 1,
    diff,
  });

  it('lists every change in a table and shows diffs of added and changed files only', () => {
    const block = renderDiffBlock('stage-1-personal', 'stage-2-shared', {
      unchanged: 4,
      changes: [
        change('package.json', 'changed', '--- a/package.json\n+++ b/package.json\n@@ -1 +1 @@\n-a\n+b'),
        change('src/old.ts', 'removed', null),
        change('src/server/app.ts', 'added', '--- /dev/null\n+++ b/src/server/app.ts\n@@ -0,0 +1 @@\n+x'),
      ],
    });
    expect(block).toContain('1 added, 1 changed, 1 removed, 4 unchanged');
    expect(block).toContain('| [`package.json`](#packagejson-changed) | tooling | changed | 1 | 1 |');
    expect(block).toContain('| [`src/server/app.ts`](#srcserverappts-added) | routes | added | 1 | 0 |');
    expect(block).toContain('| `src/old.ts` | page | removed | 1 | 1 |');
    expect(block).toContain('### `src/server/app.ts` (added)\n\n```diff\n--- /dev/null');
    expect(block).not.toContain('### `src/old.ts`');
  });

  it('uses a longer fence when the diff itself contains a code fence', () => {
    const diff = '--- a/README.md\n+++ b/README.md\n@@ -1 +1 @@\n-old\n+```sh\n+pnpm start\n+```';
    const block = renderDiffBlock('a', 'b', { unchanged: 0, changes: [change('README.md', 'changed', diff)] });
    expect(block).toContain('````diff\n--- a/README.md');
    expect(block).toContain('+```\n````');
  });

  it(`summarises a diff longer than ${MAX_DIFF_LINES} lines instead of printing it`, () => {
    const long = ['--- /dev/null', '+++ b/big.json', '@@ -0,0 +1,500 @@', ...Array.from({ length: 500 }, (_, i) => `+${i}`)];
    const block = renderDiffBlock('a', 'b', { unchanged: 0, changes: [change('big.json', 'added', long.join('\n'))] });
    expect(block).toContain('Diff of 503 lines not shown');
    expect(block).toContain('git diff --no-index /dev/null b/big.json');
    expect(block).not.toContain('+499');
  });

  it('orders files along the data flow and folds code, tests and prose apart', () => {
    const paths = [
      'README.md',
      'e2e/claim.spec.ts',
      'src/web/store.ts',
      'src/server/routes/patterns.ts',
      'src/server/patterns-service.ts',
      'src/server/patterns-repo.ts',
      'src/server/migrations/001.sql',
      'package.json',
    ];
    const block = renderDiffBlock('a', 'b', {
      unchanged: 0,
      changes: paths.map((path) => change(path, 'added', `--- /dev/null\n+++ b/${path}\n@@ -0,0 +1 @@\n+x`)),
    });
    const order = ['001.sql', 'patterns-repo.ts', 'patterns-service.ts', 'routes/patterns.ts', 'store.ts', 'package.json', 'claim.spec.ts', 'README.md'];
    const tableRows = block.split('\n').filter((line) => line.startsWith('| ['));
    expect(tableRows.map((row) => order.findIndex((name) => row.includes(name)))).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const folds = block.split('<details>').slice(1);
    expect(folds.map((fold) => /<b>(.*?)<\/b>: (\d+ files?)/.exec(fold)?.slice(1))).toEqual([
      [expect.stringMatching(/^The code, along the data flow/), '6 files'],
      ['The tests', '1 file'],
      ['The README and other prose', '1 file'],
    ]);
    expect(folds[0]!.indexOf('### `src/server/migrations/001.sql`')).toBeLessThan(folds[0]!.indexOf('### `src/web/store.ts`'));
    expect(folds[1]).toContain('### `e2e/claim.spec.ts` (added)');
    expect(folds[2]).toContain('### `README.md` (added)');
  });
});
