/**
 * `pnpm verify [N ...] [--markdown] [playwright options]` — the instructor's view: runs the browser
 * checks of every stage (or the ones named) and prints one table: stage, kind, claim, ✓, seconds
 * (✓ passed, ✗ failed, ↻ passed only on CI's retry, with why it failed first below the table).
 * Kinds come from the spec file names (lib/verify-report.ts). `--markdown` prints the table as
 * markdown on stdout (Playwright's progress goes to stderr), so `pnpm -s verify --markdown > t.md`
 * works. Anything else, e.g. `--headed` or `-g "two tabs"`, goes to Playwright.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBrowser, machineFacts, runInstall } from './lib/browser';
import { packageName, stageByNumber, stageExists, STAGES, type JourneyStage } from './lib/journey';
import { failureReasons, markdownTable, parseVerifyArgs, rowsFrom, sortRows, terminalTable, type JsonSuite, type Row } from './lib/verify-report';

const args = parseVerifyArgs(process.argv.slice(2));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const say = args.markdown ? console.error : console.log;

const unknown = args.stages.filter((n) => !stageByNumber(n));
if (unknown.length > 0) {
  console.error(`There is no stage ${unknown.join(', ')}: the journey has stages ${STAGES.map((s) => s.number).join(', ')}.`);
  process.exit(1);
}
const wanted = args.stages.length > 0 ? args.stages.map((n) => stageByNumber(n)!) : [...STAGES];
const planned = wanted.filter((stage) => !stageExists(repoRoot, stage));
const runnable = wanted.filter((stage) => stageExists(repoRoot, stage) && existsSync(join(repoRoot, stage.folder, 'e2e')));
const plannedLine = (stage: JourneyStage) => `stage ${stage.number} (${stage.folder}) is planned: it is not written yet, so it has no checks to run.`;

if (runnable.length === 0) {
  planned.forEach((stage) => console.error(plannedLine(stage)));
  console.error('Nothing to verify.');
  process.exit(1);
}

// Before anything runs: a browser to run the checks in (installed now, or one line saying how).
const browser = ensureBrowser(() => machineFacts(repoRoot), runInstall(repoRoot), say);
if (!browser.ok) {
  console.error(browser.message);
  process.exit(1);
}

const rows: Row[] = [];
const crashed: number[] = [];
for (const stage of runnable) {
  say(`\n▶ stage ${stage.number}: ${stage.folder}`);
  const jsonFile = join(mkdtempSync(join(tmpdir(), 'verify-')), 'report.json');
  spawnSync('pnpm', ['--filter', packageName(stage), 'e2e', ...args.playwright], {
    stdio: ['inherit', args.markdown ? 2 : 'inherit', 'inherit'],
    env: { ...process.env, VERIFY_JSON_FILE: jsonFile },
  });
  if (!existsSync(jsonFile)) {
    crashed.push(stage.number);
    continue;
  }
  const report = JSON.parse(readFileSync(jsonFile, 'utf8')) as { suites: JsonSuite[]; errors: unknown[] };
  const stageRows = report.suites.flatMap((suite) => rowsFrom(stage.number, suite));
  if (stageRows.length === 0 || report.errors.length > 0) crashed.push(stage.number);
  rows.push(...stageRows);
}

const table = sortRows(rows);
console.log(args.markdown ? markdownTable(table) : `\n${terminalTable(table, process.stdout.columns || 80)}`);
const notes = [
  ...crashed.map((n) => `stage ${n}: the browser checks did not run to the end (see the output above)`),
  ...planned.map(plannedLine),
];
if (notes.length > 0) say(`\n${notes.join('\n')}`);
const reasons = failureReasons(table);
if (reasons) say(`\nWhy:\n\n${reasons}`);

const failed = rows.filter((r) => !r.ok).length;
const retried = rows.filter((r) => r.ok && r.retried).length;
say(`\n${rows.length - failed} passed${retried ? ` (${retried} only on a retry)` : ''}, ${failed} failed`);
process.exit(failed > 0 || crashed.length > 0 ? 1 : 0);
