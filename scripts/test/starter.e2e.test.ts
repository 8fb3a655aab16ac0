/**
 * Issue 6, "Must show": each stage exported with `pnpm starter` installs, passes its tests and starts
 * on its own, with nothing pointing back into this repository. Slow by nature (a real pnpm install,
 * the stage's tests, a real server); it prints what each step cost.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { auditProject, readProject } from '../lib/starter-audit';
import { STAGES, stageExists } from '../lib/journey';
import { cleanEnv, freePort, run, start, stopGroup, waitForHttp } from './run-command';
import { tempDir } from './temp-repo';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
const tsx = join(repoRoot, 'scripts/node_modules/.bin/tsx');
const MINUTE = 60_000;

// Every stage that exists, each with its tests (from stage 4, a smoke set: see testCommands).
const exported = STAGES.filter((stage) => stageExists(repoRoot, stage));

/**
 * Stage 4's tests run on PGlite and on a PostgreSQL server (issue 13). A copy runs the PGlite leg
 * (PG_TESTS=off): the embedded database is what lives in the copy's own node_modules (its template
 * in node_modules/.cache is made anew here); the PostgreSQL leg is the same code, run by the
 * journey's own tests.
 */
const testEnv = (stage: { number: number }) => (stage.number >= 4 ? cleanEnv({ PG_TESTS: 'off' }) : cleanEnv());

/**
 * Stages 1-3 run their whole suite in the copy. From stage 4 the suite takes minutes and is the
 * journey's own (run on PGlite and PostgreSQL by `pnpm test`), so a copy proves it stands alone with
 * its packages' tests and a smoke set of the app's: the API, accounts, isolation and migrations.
 */
const SMOKE_FILES = ['test/api.test.ts', 'test/auth.test.ts', 'test/isolation.test.ts', 'test/migrations.test.ts'];
const testCommands = (stage: { number: number }): string[][] =>
  stage.number >= 4
    ? [
        ['--recursive', '--filter', '!./app', 'test'],
        ['--dir', 'app', 'exec', 'vitest', 'run', ...SMOKE_FILES],
      ]
    : [['test']];

/** Every file on disk under `dir` except installed packages, as project-relative paths. */
function allFiles(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.name === 'node_modules') return [];
    if (entry.isDirectory()) return allFiles(path, base);
    return [relative(base, path).split(sep).join('/')];
  });
}

/** Where each `@journey/*` dependency of each workspace package really points after the install. */
function linkedJourneyPackages(project: string): Array<{ from: string; target: string }> {
  const workspaces = ['app', ...readdirSync(join(project, 'packages')).map((folder) => `packages/${folder}`)];
  return workspaces.flatMap((workspace) => {
    const scope = join(project, workspace, 'node_modules/@journey');
    if (!existsSync(scope)) return [];
    return readdirSync(scope).map((name) => ({
      from: `${workspace} → @journey/${name}`,
      target: realpathSync(join(scope, name)),
    }));
  });
}

describe('pnpm starter: an exported stage stands on its own', () => {
  it('has stage 2 among the stages it exports', () => {
    expect(exported.map((stage) => stage.number)).toContain(2);
  });

  for (const stage of exported) {
    it(`stage ${stage.number} (${stage.folder}): installs, passes its tests and serves its page`, async () => {
      // Printed as it goes, so a failure still shows what the steps before it cost.
      const cost = (step: string) => console.log(`[starter e2e] stage ${stage.number}: ${step}`);
      const project = join(tempDir(), `my-stage-${stage.number}`);

      // 1. Export through the command line a person would use.
      const write = await run(tsx, [join(repoRoot, 'scripts/starter.ts'), String(stage.number), project], repoRoot, MINUTE);
      expect(write.code, write.output).toBe(0);
      expect(write.output).toContain(`Wrote stage ${stage.number} (${stage.folder}) to ${project}`);
      cost(`export ${write.seconds.toFixed(1)}s`);

      // 2. Nothing points back: no repo path, no ../ out of the project, every workspace: dep is inside.
      const files = allFiles(project);
      expect(files.filter((file) => /(^|\/)(data|dist|test-results|playwright-report|node_modules)\//.test(file))).toEqual([]);
      expect(files.filter((file) => readFileSync(join(project, file), 'utf8').includes(repoRoot))).toEqual([]);
      expect(auditProject(readProject(project), repoRoot)).toEqual([]);
      expect(JSON.parse(readFileSync(join(project, 'app/package.json'), 'utf8')).name).toBe(`my-stage-${stage.number}`);
      expect(readFileSync(join(project, 'LICENSE'), 'utf8')).toBe(readFileSync(join(repoRoot, 'LICENSE'), 'utf8'));

      // 3. Install the versions the journey pinned (its lock file came along), from pnpm's store.
      const exportedLock = readFileSync(join(project, 'pnpm-lock.yaml'), 'utf8');
      const install = await run('pnpm', ['install', '--frozen-lockfile', '--prefer-offline'], project, 5 * MINUTE);
      expect(install.code, install.output).toBe(0);
      cost(`install ${install.seconds.toFixed(1)}s`);
      for (const { from, target } of linkedJourneyPackages(project)) {
        expect(target.startsWith(`${project}/packages/`), `${from} resolves to ${target}`).toBe(true);
      }
      expect(linkedJourneyPackages(project).length).toBeGreaterThan(0);
      const lockfile = readFileSync(join(project, 'pnpm-lock.yaml'), 'utf8');
      expect(lockfile).toBe(exportedLock);
      expect(lockfile).not.toContain(repoRoot);
      expect(lockfile).not.toMatch(/link:(\.\.\/){2,}/); // app → ../packages/x is one level, never more
      if (existsSync(join(project, 'app/node_modules/better-sqlite3'))) {
        const rebuilt = /better-sqlite3[^\n]*install\$/.test(install.output);
        cost(`better-sqlite3 ${rebuilt ? 'compiled during install' : 'from the side-effects cache'}`);
        const sqlite = await run('node', ['-e', "new (require('better-sqlite3'))(':memory:').exec('select 1')"], join(project, 'app'), MINUTE);
        expect(sqlite.code, sqlite.output).toBe(0);
        expect(lstatSync(join(project, 'app/node_modules/better-sqlite3')).isSymbolicLink()).toBe(true);
      }

      // 4. Its own type check and tests, in its own folder.
      const typecheck = await run('pnpm', ['typecheck'], project, 4 * MINUTE);
      expect(typecheck.code, typecheck.output).toBe(0);
      cost(`pnpm typecheck ${typecheck.seconds.toFixed(1)}s`);
      for (const args of testCommands(stage)) {
        const test = await run('pnpm', args, project, 10 * MINUTE, testEnv(stage));
        expect(test.code, test.output).toBe(0);
        cost(`pnpm ${args.join(' ')} ${test.seconds.toFixed(1)}s`);
      }

      // 5. Start it as its README says and ask it for the page (and the API's health from stage 2).
      const port = await freePort();
      const server = start('pnpm', ['start'], project, cleanEnv({ PORT: String(port) }));
      try {
        const startedAt = performance.now();
        const page = await waitForHttp(`http://localhost:${port}/`, 2 * MINUTE, server);
        cost(`start ${((performance.now() - startedAt) / 1000).toFixed(1)}s`);
        const html = await page.text();
        expect(html).toContain(`Stage ${stage.number}`);
        expect(html).toMatch(/<script type="module"[^>]* src="\/assets\/[^"]+\.js"/); // the built bundle
        if (stage.number >= 2) {
          const health = await fetch(`http://localhost:${port}/api/health`);
          expect(health.status).toBe(200);
          expect(await health.json()).toEqual({ status: 'ok' });
        }
        if (existsSync(join(project, 'app/src/server/db/pglite.ts'))) {
          // Stage 4 with nothing running: its embedded PostgreSQL, in the project's own data folder.
          expect(existsSync(join(project, 'app/data/pglite/PG_VERSION'))).toBe(true);
          expect(server.output()).toMatch(/database: pglite ready in \d+ ms/);
        }
      } finally {
        await stopGroup(server.child);
      }
    }, 30 * MINUTE);
  }
});
