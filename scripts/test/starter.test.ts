import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { auditProject, readProject } from '../lib/starter-audit';
import { writeStarter } from '../lib/write-starter';
import { tempDir, writeFiles } from './temp-repo';

const pkg = (name: string, deps: Record<string, string> = {}, scripts: Record<string, string> = {}) =>
  `${JSON.stringify({ name, private: true, type: 'module', scripts, dependencies: deps }, null, 2)}\n`;

const LOCK = `lockfileVersion: '9.0'

settings:
  autoInstallPeers: true

importers:

  .: {}

  packages/llm-core: {}

  packages/other: {}

  packages/ui:
    dependencies:
      '@journey/llm-core':
        specifier: workspace:*
        version: link:../llm-core

  stage-1-personal: {}

  stage-2-shared:
    dependencies:
      '@journey/ui':
        specifier: workspace:*
        version: link:../packages/ui
      express:
        specifier: ^5.1.0
        version: 5.3.0

packages:

  express@5.3.0:
    resolution: {integrity: sha512-x}

snapshots:

  express@5.3.0: {}
`;

/** A miniature journey: stage 2 uses ui, ui uses core; `other` is used by nobody. */
function journey(extra: Record<string, string> = {}): string {
  return tempDir({
    'package.json': JSON.stringify({ name: 'journey', license: 'MIT', packageManager: 'pnpm@10.34.9', engines: { node: '>=20.19' } }),
    LICENSE: 'MIT License\n\nCopyright (c) 2026 The LLM → SaaS Journey contributors\n',
    'pnpm-workspace.yaml': 'packages:\n  - packages/*\n  - stage-*\n\nonlyBuiltDependencies:\n  - better-sqlite3\n  - esbuild\n',
    'tsconfig.base.json': '{ "compilerOptions": { "strict": true } }\n',
    '.gitignore': 'node_modules/\ndata/\n',
    'stage-1-personal/package.json': pkg('stage-1'),
    'stage-2-shared/package.json': pkg('stage-2', { '@journey/ui': 'workspace:*', express: '^5.1.0' }, { start: 'tsx src/server/main.ts', test: 'vitest run' }),
    'stage-2-shared/tsconfig.json': '{ "extends": "../tsconfig.base.json" }\n',
    'stage-2-shared/src/server/main.ts': "export const dataDir = new URL('../../data', import.meta.url);\n",
    'stage-2-shared/README.md': '# Stage 2\n\nRun `pnpm --filter stage-2 start`. See [the lesson](../docs/stage-1-to-2.md) and [the server](src/server/main.ts).\n',
    'stage-2-shared/data/patterns.db': 'private data',
    'stage-2-shared/dist/index.html': 'build output',
    'stage-2-shared/test-results/last.json': '{}',
    'stage-2-shared/node_modules/express/index.js': '',
    'packages/ui/package.json': pkg('@journey/ui', { '@journey/llm-core': 'workspace:*' }),
    'packages/ui/tsconfig.json': '{ "extends": "../../tsconfig.base.json" }\n',
    'packages/ui/src/index.ts': 'export {};\n',
    'packages/llm-core/package.json': pkg('@journey/llm-core'),
    'packages/llm-core/src/index.ts': 'export {};\n',
    'packages/other/package.json': pkg('@journey/other'),
    'pnpm-lock.yaml': LOCK,
    ...extra,
  });
}

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

describe('pnpm starter', () => {
  it('writes the stage to app/ and the shared packages it uses, recursively, to packages/', () => {
    const repo = journey();
    const target = join(tempDir(), 'my-bot');
    const result = writeStarter({ repoRoot: repo, stage: 2, target });
    expect(result.name).toBe('my-bot');
    expect(result.folders.map((entry) => entry.folder)).toEqual(['app/', 'packages/llm-core/', 'packages/ui/']);
    expect(existsSync(join(target, 'packages/other'))).toBe(false);
    expect(existsSync(join(target, 'app/src/server/main.ts'))).toBe(true);
    expect(read(target, 'app/tsconfig.json')).toContain('"../tsconfig.base.json"');
    expect(read(target, 'tsconfig.base.json')).toContain('strict');
  });

  it('leaves out data, build output, test results and installs', () => {
    const repo = journey();
    const target = join(tempDir(), 'my-bot');
    writeStarter({ repoRoot: repo, stage: 2, target });
    for (const path of ['app/data', 'app/dist', 'app/test-results', 'app/node_modules']) {
      expect(existsSync(join(target, path)), path).toBe(false);
    }
  });

  it('names the app, keeps workspace:* pointing at the copied packages and writes the workspace root', () => {
    const repo = journey();
    const target = join(tempDir(), 'Some Folder');
    writeStarter({ repoRoot: repo, stage: 2, target, name: 'acme-chat' });
    const app = JSON.parse(read(target, 'app/package.json'));
    expect(app.name).toBe('acme-chat');
    expect(app.dependencies).toEqual({ '@journey/ui': 'workspace:*', express: '^5.1.0' });
    const root = JSON.parse(read(target, 'package.json'));
    expect(root).toMatchObject({ name: 'acme-chat-workspace', license: 'MIT', packageManager: 'pnpm@10.34.9', engines: { node: '>=20.19' } });
    expect(root.scripts).toEqual({
      start: 'pnpm --filter acme-chat start',
      test: 'pnpm --recursive test',
      typecheck: 'pnpm --recursive typecheck',
    });
    expect(read(target, 'pnpm-workspace.yaml')).toBe(
      'packages:\n  - app\n  - packages/*\n\n# pnpm 10 runs no install scripts unless listed: better-sqlite3 must build its native binary.\n' +
        'onlyBuiltDependencies:\n  - better-sqlite3\n  - esbuild\n',
    );
    expect(auditProject(readProject(target), repo)).toEqual([]);
  });

  it("ships the journey's LICENSE, and refuses to write a copy without one", () => {
    const repo = journey();
    const target = join(tempDir(), 'my-bot');
    writeStarter({ repoRoot: repo, stage: 2, target });
    expect(read(target, 'LICENSE')).toBe(read(repo, 'LICENSE'));
    rmSync(join(repo, 'LICENSE'));
    expect(() => writeStarter({ repoRoot: repo, stage: 2, target: join(tempDir(), 'unlicensed') })).toThrow(/LICENSE is missing/);
  });

  it("ships the journey's lock file, cut down to the copied folders", () => {
    const repo = journey();
    const target = join(tempDir(), 'my-bot');
    writeStarter({ repoRoot: repo, stage: 2, target });
    const lock = read(target, 'pnpm-lock.yaml');
    expect(lock).toContain('  app:\n    dependencies:\n');
    expect(lock).toContain('  express@5.3.0: {}');
    expect(lock).not.toMatch(/stage-1-personal|stage-2-shared|packages\/other/);
  });

  it('writes a README that says how to run and test it, where it came from and where to go next', () => {
    const repo = journey();
    const target = join(tempDir(), 'my-bot');
    writeStarter({ repoRoot: repo, stage: 2, target });
    const readme = read(target, 'README.md');
    expect(readme).toContain('Started from **stage 2** (`stage-2-shared`)');
    expect(readme).toContain('pnpm install\npnpm start');
    expect(readme).toContain('http://localhost:3002');
    expect(readme).toContain('pnpm test');
    expect(readme).toContain('Stage 3 (`stage-3-users`) adds authentication');
    expect(readme).not.toContain('PostgreSQL'); // stage 2 keeps SQLite
  });

  it('tells a PostgreSQL stage how its database and its tests find a server, and how to do without one', () => {
    const repo = journey({ 'stage-2-shared/package.json': pkg('stage-2', { '@journey/ui': 'workspace:*', pg: '^8.23.0' }) });
    const target = join(tempDir(), 'my-saas');
    writeStarter({ repoRoot: repo, stage: 2, target });
    const readme = read(target, 'README.md');
    expect(readme).toContain('`DATABASE_URL=postgres://…` uses a PostgreSQL server instead');
    expect(readme).toContain('`PG_TESTS=off pnpm test` runs the PGlite half only');
  });

  it("adapts the stage README: its commands name the new package, links out of the project become text", () => {
    const repo = journey();
    const target = join(tempDir(), 'my-bot');
    writeStarter({ repoRoot: repo, stage: 2, target });
    const readme = read(target, 'app/README.md');
    expect(readme).toContain('`pnpm --filter my-bot start`');
    expect(readme).toContain('the lesson (`docs/stage-1-to-2.md` in the journey repository)');
    expect(readme).toContain('[the server](src/server/main.ts)');
  });

  it('refuses a non-empty target and writes nothing into it', () => {
    const repo = journey();
    const target = tempDir({ 'notes.txt': 'mine' });
    expect(() => writeStarter({ repoRoot: repo, stage: 2, target })).toThrow(/is not empty/);
    expect(readProject(target).size).toBe(1);
  });

  it('makes the package name from the folder name when no --name is given', () => {
    const repo = journey();
    const target = join(tempDir(), 'My Chat Bot!');
    expect(writeStarter({ repoRoot: repo, stage: 2, target }).name).toBe('my-chat-bot');
    expect(JSON.parse(read(target, 'app/package.json')).name).toBe('my-chat-bot');
  });

  it('refuses a target that is a file', () => {
    const repo = journey();
    const file = join(tempDir({ 'taken.txt': 'x' }), 'taken.txt');
    expect(() => writeStarter({ repoRoot: repo, stage: 2, target: file })).toThrow(/is a file/);
  });

  it('refuses a target inside the journey repository', () => {
    const repo = journey();
    expect(() => writeStarter({ repoRoot: repo, stage: 2, target: join(repo, 'out') })).toThrow(/inside the journey repository/);
  });

  it('refuses a stage that does not exist and a name npm would reject', () => {
    const repo = journey();
    expect(() => writeStarter({ repoRoot: repo, stage: 4, target: join(tempDir(), 'x') })).toThrow(/no stage 4/);
    expect(() => writeStarter({ repoRoot: repo, stage: 2, target: join(tempDir(), 'x'), name: 'My App' })).toThrow(/not a valid package name/);
  });

  it('refuses a stage whose workspace dependency is not a shared package', () => {
    const repo = journey({ 'stage-1-personal/package.json': pkg('stage-1', { '@journey/missing': 'workspace:*' }) });
    expect(() => writeStarter({ repoRoot: repo, stage: 1, target: join(tempDir(), 'x') })).toThrow(/@journey\/missing/);
  });

  it('refuses to export files that point back into the repository, and writes nothing', () => {
    const repo = journey();
    writeFiles(repo, { 'stage-2-shared/src/server/paths.ts': `export const root = '${repo}/stage-2-shared';\n` });
    const target = join(tempDir(), 'my-bot');
    expect(() => writeStarter({ repoRoot: repo, stage: 2, target })).toThrow(/contains the journey repository path/);
    expect(existsSync(target)).toBe(false);
  });

  it('refuses relative paths that climb out of the project', () => {
    const repo = journey({ 'packages/ui/tsconfig.json': '{ "extends": "../../../tsconfig.base.json" }\n' });
    expect(() => writeStarter({ repoRoot: repo, stage: 2, target: join(tempDir(), 'x') })).toThrow(
      /packages\/ui\/tsconfig\.json has a path "\.\.\/\.\.\/\.\.\/" that leaves the project/,
    );
  });
});

describe('the starter command line', () => {
  const script = fileURLToPath(new URL('../starter.ts', import.meta.url));
  const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));

  it('explains a refusal in one line and exits 1', () => {
    const target = tempDir({ 'keep.txt': 'x' });
    const run = spawnSync(tsx, [script, '1', target], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(`pnpm starter: ${target} is not empty; choose a new or empty folder (nothing was written).`);
  });

  it('prints its usage for missing arguments', () => {
    const run = spawnSync(tsx, [script, '9'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('usage: pnpm starter <stage 1-5> <dir>');
  });
});
