/**
 * `pnpm verify [N ...]` — the instructor's view: runs the browser checks of every stage (or the ones
 * named) and prints one table of stage, claim, ✓/✗ and seconds.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existingStages, packageName } from './lib/journey';

interface Row {
  stage: number;
  claim: string;
  ok: boolean;
  seconds: number;
}

interface JsonSuite {
  title: string;
  file?: string;
  specs?: { title: string; ok: boolean; tests: { results: { duration: number }[] }[] }[];
  suites?: JsonSuite[];
}

function rowsFrom(stage: number, suite: JsonSuite, file = suite.file ?? suite.title): Row[] {
  const own = (suite.specs ?? []).map((spec) => ({
    stage,
    claim: `${file.replace(/\.spec\.ts$/, '')} › ${spec.title}`,
    ok: spec.ok,
    seconds: spec.tests.flatMap((t) => t.results).reduce((sum, r) => sum + r.duration, 0) / 1000,
  }));
  return own.concat((suite.suites ?? []).flatMap((child) => rowsFrom(stage, child, file)));
}

const wanted = process.argv.slice(2).map(Number);
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const stages = existingStages(repoRoot).filter(
  (s) => existsSync(join(repoRoot, s.folder, 'e2e')) && (wanted.length === 0 || wanted.includes(s.number)),
);
if (stages.length === 0) {
  console.error(`No stage with browser checks matches ${wanted.join(', ') || 'anything'}.`);
  process.exit(1);
}

const rows: Row[] = [];
const crashed: number[] = [];
for (const stage of stages) {
  console.log(`\n▶ stage ${stage.number}: ${stage.folder}`);
  const jsonFile = join(mkdtempSync(join(tmpdir(), 'verify-')), 'report.json');
  spawnSync('pnpm', ['--filter', packageName(stage), 'e2e'], {
    stdio: 'inherit',
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

const width = Math.max(5, ...rows.map((r) => r.claim.length));
console.log(`\n${'stage'.padEnd(6)} ${'claim'.padEnd(width)}  ok  seconds`);
for (const r of rows) {
  console.log(`${String(r.stage).padEnd(6)} ${r.claim.padEnd(width)}  ${r.ok ? '✓' : '✗'}  ${r.seconds.toFixed(1).padStart(7)}`);
}
for (const n of crashed) console.log(`stage ${n}: the browser checks did not run to the end (see the output above)`);

const failed = rows.filter((r) => !r.ok).length;
console.log(`\n${rows.length - failed} passed, ${failed} failed`);
process.exit(failed > 0 || crashed.length > 0 ? 1 : 0);
