import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JourneyStage } from './journey';
import { starterLockfile } from './starter-lockfile';
import { readPackageJson, type PackageJson } from './workspace-packages';

/** Where the stage goes inside the project. The repo's shape is kept so relative paths still hold. */
export const APP_FOLDER = 'app';

/** Root files copied as they are: the shared compiler settings, ignore rules and pnpm settings. */
const COPIED_ROOT_FILES = ['tsconfig.base.json', '.gitignore', '.npmrc'];
/** The journey's license goes with every copy: MIT lets anyone copy the code, if the notice comes along. */
const LICENSE = 'LICENSE';

/** The files at the root of an exported project (its README aside): workspace, settings, lock file. */
export function rootFiles(repoRoot: string, stage: JourneyStage, stagePkg: PackageJson, name: string, packages: string[]): Map<string, Buffer> {
  const appScripts = Object.keys((stagePkg.scripts as Record<string, string> | undefined) ?? {});
  const files = new Map<string, Buffer>([
    ['package.json', json(rootPackageJson(name, readPackageJson(repoRoot), appScripts))],
    ['pnpm-workspace.yaml', Buffer.from(workspaceYaml(readFileSync(join(repoRoot, 'pnpm-workspace.yaml'), 'utf8')))],
  ]);
  if (!existsSync(join(repoRoot, LICENSE))) throw new Error(`${LICENSE} is missing at the journey's root: a copy may not be shared without it.`);
  files.set(LICENSE, readFileSync(join(repoRoot, LICENSE)));
  for (const file of COPIED_ROOT_FILES) {
    if (existsSync(join(repoRoot, file))) files.set(file, readFileSync(join(repoRoot, file)));
  }
  const lockfile = lockfileFor(repoRoot, stage, packages);
  if (lockfile) files.set('pnpm-lock.yaml', Buffer.from(lockfile));
  return files;
}

export function json(value: unknown): Buffer {
  return Buffer.from(`${JSON.stringify(value, null, 2)}\n`);
}

/** The workspace root: no code of its own, scripts that reach into the app (and tests everywhere). */
function rootPackageJson(name: string, repoPkg: PackageJson, appScripts: string[]): PackageJson {
  const scripts: Record<string, string> = {};
  for (const script of ['start', 'dev', 'build', 'e2e']) {
    if (appScripts.includes(script)) scripts[script] = `pnpm --filter ${name} ${script}`;
  }
  scripts.test = 'pnpm --recursive test';
  scripts.typecheck = 'pnpm --recursive typecheck';
  return {
    name: `${name}-workspace`,
    private: true,
    type: 'module',
    description: `The ${name} workspace: the app in ${APP_FOLDER}/, the shared packages it uses in packages/.`,
    license: repoPkg.license,
    packageManager: repoPkg.packageManager,
    engines: repoPkg.engines,
    scripts,
  };
}

/** The project's workspace, keeping the journey's list of packages allowed to run install scripts. */
function workspaceYaml(repoYaml: string): string {
  const built = /^onlyBuiltDependencies:\n((?:[ \t]+-.*\n?)+)/m.exec(repoYaml)?.[1]?.trimEnd();
  const lines = ['packages:', `  - ${APP_FOLDER}`, '  - packages/*', ''];
  if (built) {
    lines.push('# pnpm 10 runs no install scripts unless listed: better-sqlite3 must build its native binary.');
    lines.push('onlyBuiltDependencies:', ...built.split('\n'), '');
  }
  return lines.join('\n');
}

/** The journey's lock file cut down to the copied folders, so the project gets the tested versions. */
function lockfileFor(repoRoot: string, stage: JourneyStage, packages: string[]): string | null {
  const file = join(repoRoot, 'pnpm-lock.yaml');
  if (!existsSync(file)) return null;
  const importers = new Map([[stage.folder, APP_FOLDER], ...packages.map((folder) => [`packages/${folder}`, `packages/${folder}`] as const)]);
  return starterLockfile(readFileSync(file, 'utf8'), importers);
}
