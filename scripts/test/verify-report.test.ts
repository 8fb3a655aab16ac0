import { describe, expect, it } from 'vitest';
import { failureReasons, kindOf, markdownTable, parseVerifyArgs, rowsFrom, sortRows, terminalTable, wrap, type Row } from '../lib/verify-report';

const row = (stage: number, kind: Row['kind'], claim: string, ok = true): Row => ({ stage, kind, claim, ok, seconds: 1.25 });

describe('kindOf', () => {
  it.each([
    ['claim-survives-reload.spec.ts', 'claim'],
    ['limit-anyone-can-delete.spec.ts', 'limit'],
    ['bad-input-malformed-import.spec.ts', 'bad input'],
    ['hostile-trigger-shown-as-text.spec.ts', 'safety'],
  ])('%s is a %s', (file, kind) => {
    expect(kindOf(file)).toBe(kind);
  });
});

describe('rowsFrom', () => {
  it('reads every spec of a Playwright JSON suite, nested ones too, with the kind of its file', () => {
    const spec = (title: string, ok: boolean) => ({ title, ok, tests: [{ results: [{ duration: 1500 }, { duration: 500 }] }] });
    const rows = rowsFrom(2, { title: 'limit-x.spec.ts', file: 'limit-x.spec.ts', specs: [spec('a', true)], suites: [{ title: 'group', specs: [spec('b', false)] }] });
    expect(rows).toEqual([
      { stage: 2, kind: 'limit', claim: 'a', ok: true, seconds: 2 },
      { stage: 2, kind: 'limit', claim: 'b', ok: false, seconds: 2, why: 'limit-x.spec.ts\nno error message' },
    ]);
  });
});

describe('failureReasons', () => {
  it('says where and why each failed check failed: the message without colours, not the whole call log', () => {
    const message = ['\u001b[31mError: expect(locator).toHaveText(expected) failed\u001b[39m', '', 'Expected: "a"', 'Received: "b"', ...Array.from({ length: 20 }, (_, i) => `  - call log ${i}`)].join('\n');
    const failing = { title: 'resets once', ok: false, line: 8, tests: [{ results: [{ duration: 100, errors: [{ message }] }] }] };
    const passing = { title: 'fine', ok: true, tests: [{ results: [{ duration: 100 }] }] };
    const rows = rowsFrom(5, { title: 'claim-reset.spec.ts', file: 'claim-reset.spec.ts', specs: [passing, failing] });
    const reasons = failureReasons(rows).split('\n');
    expect(reasons.slice(0, 6)).toEqual([
      '✗ stage 5: resets once',
      '    claim-reset.spec.ts:8',
      '    Error: expect(locator).toHaveText(expected) failed',
      '    ',
      '    Expected: "a"',
      '    Received: "b"',
    ]);
    expect(reasons).toHaveLength(2 + 12);
    expect(failureReasons(rows.filter((r) => r.ok))).toBe('');
  });

  it('marks a check that passed only on a retry with ↻, and says why it failed first', () => {
    const flaky = { title: 'mail arrives', ok: true, line: 3, tests: [{ status: 'flaky', results: [{ duration: 100, errors: [{ message: 'Error: no mail yet' }] }, { duration: 100 }] }] };
    const rows = rowsFrom(4, { title: 'claim-mail.spec.ts', file: 'claim-mail.spec.ts', specs: [flaky] });
    expect(rows[0]).toMatchObject({ ok: true, retried: true });
    expect(failureReasons(rows).split('\n')).toEqual(['↻ stage 4: mail arrives (passed on a retry)', '    claim-mail.spec.ts:3', '    Error: no mail yet']);
    expect(terminalTable(rows).split('\n')[1]).toContain('↻');
    expect(markdownTable(rows)).toContain('| ↻ |');
  });
});

describe('sortRows', () => {
  it('keeps stages in order and puts claims first within each', () => {
    const sorted = sortRows([row(2, 'bad input', 'w'), row(1, 'safety', 'x'), row(1, 'claim', 'y'), row(2, 'claim', 'z'), row(1, 'limit', 'v')]);
    expect(sorted.map((r) => `${r.stage} ${r.kind}`)).toEqual(['1 claim', '1 limit', '1 safety', '2 claim', '2 bad input']);
  });
});

describe('terminalTable', () => {
  const long = 'what one browser teaches, a second browser (context) sees and answers with, even after a restart of the server';

  it('fits an 80-column terminal, wrapping long claims under their column', () => {
    const lines = terminalTable([row(2, 'claim', long), row(2, 'bad input', 'short', false)], 80).split('\n');
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(80);
    expect(lines[0]).toMatch(/^stage  kind       claim +✓  seconds$/);
    expect(lines[1]).toMatch(/^2      claim      what one browser teaches, .* ✓      1\.3$/);
    const claimColumn = lines[0]!.indexOf('claim');
    expect(lines[2]!.slice(0, claimColumn).trim()).toBe('');
    expect(lines.slice(1, -1).map((line) => line.slice(claimColumn).replace(/ +(✓ +1\.3)?$/, '')).join(' ')).toBe(long);
    expect(lines.at(-1)).toMatch(/^2      bad input  short +✗      1\.3$/);
  });

  it('uses a wider terminal when there is one', () => {
    expect(terminalTable([row(2, 'claim', long)], 200).split('\n')).toHaveLength(2);
  });
});

describe('markdownTable', () => {
  it('prints a table to paste, with pipes in titles escaped', () => {
    expect(markdownTable([row(1, 'claim', 'a | b')])).toBe('| stage | kind | claim | ✓ | seconds |\n|--:|---|---|:-:|--:|\n| 1 | claim | a \\| b | ✓ | 1.3 |');
  });
});

describe('wrap', () => {
  it('breaks at spaces, and cuts a word longer than the width', () => {
    expect(wrap('aa bb cc', 5)).toEqual(['aa bb', 'cc']);
    expect(wrap('abcdefgh', 3)).toEqual(['abc', 'def', 'gh']);
  });
});

describe('parseVerifyArgs', () => {
  it('takes leading numbers as stages and passes everything else to Playwright', () => {
    expect(parseVerifyArgs(['2', '--headed'])).toEqual({ stages: [2], markdown: false, playwright: ['--headed'] });
    expect(parseVerifyArgs(['1', '3', '--markdown', '-g', '2 tabs'])).toEqual({ stages: [1, 3], markdown: true, playwright: ['-g', '2 tabs'] });
    expect(parseVerifyArgs(['--', '--headed'])).toEqual({ stages: [], markdown: false, playwright: ['--headed'] });
  });
});
