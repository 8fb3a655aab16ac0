/**
 * `pnpm verify`'s table: one row per browser check, read from Playwright's JSON report.
 *
 * The kind of a check comes from its spec file's name, the convention every stage follows:
 *   claim-*      what the stage promises (it works)
 *   limit-*      what it cannot do yet, proved; the next stage lifts it
 *   bad-input-*  wrong or hostile input is refused clearly and changes nothing
 *   anything else: safety (e.g. markup shown as text, never run)
 */
export const KINDS = ['claim', 'limit', 'safety', 'bad input'] as const;
export type Kind = (typeof KINDS)[number];

export interface Row {
  stage: number;
  kind: Kind;
  claim: string;
  ok: boolean;
  /** It failed first and passed on CI's one retry (flaky): shown as ↻, with why it failed first. */
  retried?: boolean;
  seconds: number;
  /** Why it failed: the first lines of Playwright's error, with where in the spec (failed and retried checks). */
  why?: string;
}

export function kindOf(specFile: string): Kind {
  const name = specFile.slice(specFile.lastIndexOf('/') + 1);
  if (name.startsWith('claim-')) return 'claim';
  if (name.startsWith('limit-')) return 'limit';
  if (name.startsWith('bad-input-')) return 'bad input';
  return 'safety';
}

/** The part of Playwright's JSON report we read. */
export interface JsonSuite {
  title: string;
  file?: string;
  specs?: { title: string; ok: boolean; line?: number; tests: { status?: string; results: JsonResult[] }[] }[];
  suites?: JsonSuite[];
}

interface JsonResult {
  duration: number;
  errors?: { message?: string }[];
}

/** How many lines of an error the report keeps: the message and expected/received, not the call log. */
const WHY_LINES = 12;

export function rowsFrom(stage: number, suite: JsonSuite, file = suite.file ?? suite.title): Row[] {
  const own = (suite.specs ?? []).map((spec): Row => {
    const results = spec.tests.flatMap((t) => t.results);
    const row: Row = { stage, kind: kindOf(file), claim: spec.title, ok: spec.ok, seconds: results.reduce((sum, r) => sum + r.duration, 0) / 1000 };
    if (spec.tests.some((t) => t.status === 'flaky')) row.retried = true;
    else if (spec.ok) return row;
    const message = results.flatMap((r) => r.errors ?? []).find((e) => e.message)?.message ?? 'no error message';
    const lines = stripAnsi(message).split('\n').slice(0, WHY_LINES);
    return { ...row, why: [`${file}${spec.line ? `:${spec.line}` : ''}`, ...lines].join('\n') };
  });
  return own.concat((suite.suites ?? []).flatMap((child) => rowsFrom(stage, child, file)));
}

// Playwright colours its messages for terminals; the report is read in logs too.
const stripAnsi = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

/** ✓ passed, ✗ failed, ↻ failed and then passed on a retry (flaky: a bug to find, not a pass to forget). */
const mark = (row: Row) => (!row.ok ? '✗' : row.retried ? '↻' : '✓');

/**
 * Below the table: why each failed check failed, and why each retried one failed first, so a log's
 * last page says it without scrolling.
 */
export function failureReasons(rows: readonly Row[]): string {
  return rows
    .filter((row) => !row.ok || row.retried)
    .map((row) => `${mark(row)} stage ${row.stage}: ${row.claim}${row.ok ? ' (passed on a retry)' : ''}\n${(row.why ?? '').replace(/^/gm, '    ')}`)
    .join('\n\n');
}

/** Stage by stage; within a stage claims first, then limits, safety, bad input (stable otherwise). */
export function sortRows(rows: readonly Row[]): Row[] {
  return [...rows].sort((a, b) => a.stage - b.stage || KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind));
}

const KIND_WIDTH = Math.max(...KINDS.map((kind) => kind.length));
/** stage(5) kind(9) claim ✓(1) seconds(7), two spaces between columns. */
const FIXED_WIDTH = 5 + 2 + KIND_WIDTH + 2 + 2 + 1 + 2 + 7;

/** The table for a terminal `columns` wide: claims wrap at word boundaries, other columns stay put. */
export function terminalTable(rows: readonly Row[], columns = 80): string {
  const claimWidth = Math.max(20, columns - FIXED_WIDTH);
  const line = (stage: string, kind: string, claim: string, ok: string, seconds: string) =>
    `${stage.padEnd(5)}  ${kind.padEnd(KIND_WIDTH)}  ${claim.padEnd(claimWidth)}  ${ok}  ${seconds.padStart(7)}`.trimEnd();
  const out = [line('stage', 'kind', 'claim', '✓', 'seconds')];
  for (const row of rows) {
    const [first = '', ...rest] = wrap(row.claim, claimWidth);
    out.push(line(String(row.stage), row.kind, first, mark(row), row.seconds.toFixed(1)));
    for (const more of rest) out.push(line('', '', more, ' ', ''));
  }
  return out.join('\n');
}

/** The same table as markdown, to paste into a course page or an issue. */
export function markdownTable(rows: readonly Row[]): string {
  const out = ['| stage | kind | claim | ✓ | seconds |', '|--:|---|---|:-:|--:|'];
  for (const row of rows) {
    const claim = row.claim.replace(/\|/g, '\\|');
    out.push(`| ${row.stage} | ${row.kind} | ${claim} | ${mark(row)} | ${row.seconds.toFixed(1)} |`);
  }
  return out.join('\n');
}

/** Words into lines of at most `width` characters; a longer word gets a line of its own, cut. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (current && current.length + 1 + word.length > width) {
      lines.push(current);
      current = '';
    }
    current = current ? `${current} ${word}` : word;
    while (current.length > width) {
      lines.push(current.slice(0, width));
      current = current.slice(width);
    }
  }
  if (current) lines.push(current);
  return lines;
}

export interface VerifyArgs {
  stages: number[];
  markdown: boolean;
  /** Everything else goes to Playwright, e.g. --headed or -g "a title". */
  playwright: string[];
}

/** `pnpm verify [N ...] [--markdown] [playwright options]`: leading numbers are stages. */
export function parseVerifyArgs(argv: readonly string[]): VerifyArgs {
  const args = argv[0] === '--' ? argv.slice(1) : [...argv];
  const stages: number[] = [];
  while (args.length > 0 && /^\d+$/.test(args[0]!)) stages.push(Number(args.shift()));
  const markdown = args.includes('--markdown');
  return { stages, markdown, playwright: args.filter((arg) => arg !== '--markdown') };
}
