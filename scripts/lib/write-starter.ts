import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { renameCommands, unlinkMissingTargets } from './adapt-markdown';
import { auditProject } from './starter-audit';
import { starterReadme } from './starter-readme';
import { APP_FOLDER, json, rootFiles } from './starter-root-files';
import { stageByNumber, stageExists, type JourneyStage } from './journey';
import { byCodePoint, listSourceFiles } from './tracked-files';
import { readPackageJson, sharedPackages, workspaceClosure } from './workspace-packages';

export interface StarterOptions {
  repoRoot: string;
  stage: number;
  target: string;
  /** Package name of the app; defaults to one made from the target folder's name. */
  name?: string;
}

export interface StarterResult {
  target: string;
  name: string;
  stage: JourneyStage;
  /** Each copied folder: where it went, how many files, where from. */
  folders: Array<{ folder: string; files: number; from: string }>;
  /** The files written at the project's root. */
  rootFiles: string[];
}

const NPM_NAME = /^(?:@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;

/**
 * Writes stage N as a standalone pnpm workspace: the stage in app/, the shared packages it uses in
 * packages/, and generated root files. Everything is planned in memory and audited before a file is
 * written, so a refusal never leaves half a project behind.
 */
export function writeStarter(options: StarterOptions): StarterResult {
  const { repoRoot } = options;
  const stage = stageByNumber(options.stage);
  if (!stage || !stageExists(repoRoot, stage)) {
    throw new StarterError(`There is no stage ${options.stage} in this repository (stages: 1 to 5, as far as they exist).`);
  }
  const target = resolve(options.target);
  refuseTarget(target, repoRoot);
  const name = options.name ?? nameFromFolder(target);
  if (!NPM_NAME.test(name) || name.length > 214) {
    throw new StarterError(`"${name}" is not a valid package name: use lowercase letters, digits, "-", "." or "_" (or pass --name).`);
  }

  const stageDir = join(repoRoot, stage.folder);
  const stagePkg = readPackageJson(stageDir);
  const available = sharedPackages(repoRoot);
  if (available.has(name)) throw new StarterError(`"${name}" is the name of a shared package; pick another with --name.`);
  const packages = workspaceClosure(stagePkg, available, repoRoot);

  const files = new Map<string, Buffer>();
  const folders: StarterResult['folders'] = [];
  const copyFolder = (from: string, to: string) => {
    const list = listSourceFiles(join(repoRoot, from));
    for (const file of list) files.set(`${to}/${file}`, readFileSync(join(repoRoot, from, file)));
    folders.push({ folder: `${to}/`, files: list.length, from });
  };
  copyFolder(stage.folder, APP_FOLDER);
  for (const folder of packages) copyFolder(`packages/${folder}`, `packages/${folder}`);

  files.set(`${APP_FOLDER}/package.json`, json({ ...stagePkg, name }));
  const readme = files.get(`${APP_FOLDER}/README.md`);
  if (readme) files.set(`${APP_FOLDER}/README.md`, Buffer.from(renameCommands(readme.toString('utf8'), stagePkg.name, name)));

  const generated = rootFiles(repoRoot, stage, stagePkg, name, packages);
  const hasServer = existsSync(join(stageDir, 'src', 'server'));
  const usesPostgres = Boolean(stagePkg.dependencies?.pg);
  const readmeText = starterReadme({ name, stage, packages, commit: gitCommit(repoRoot), hasServer, usesPostgres });
  generated.set('README.md', Buffer.from(readmeText));
  for (const [file, content] of generated) files.set(file, content);

  fixMarkdownLinks(files, stage, packages);
  const problems = auditProject(files, repoRoot);
  if (problems.length > 0) {
    throw new StarterError(`The exported project would still depend on this repository:\n  - ${problems.join('\n  - ')}`);
  }

  for (const [file, content] of [...files].sort(([a], [b]) => byCodePoint(a, b))) {
    mkdirSync(dirname(join(target, file)), { recursive: true });
    writeFileSync(join(target, file), content);
  }
  return { target, name, stage, folders, rootFiles: [...generated.keys()].sort(byCodePoint) };
}

/** A user error worth a clear one-line message rather than a stack trace. */
export class StarterError extends Error {}

function refuseTarget(target: string, repoRoot: string): void {
  const inside = relative(resolve(repoRoot), target);
  if (inside === '' || (!inside.startsWith('..') && !inside.startsWith('/'))) {
    throw new StarterError(`${target} is inside the journey repository; choose a folder outside it.`);
  }
  if (existsSync(target) && !statSync(target).isDirectory()) {
    throw new StarterError(`${target} is a file; choose a new or empty folder.`);
  }
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw new StarterError(`${target} is not empty; choose a new or empty folder (nothing was written).`);
  }
}

function nameFromFolder(target: string): string {
  return basename(target)
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[._-]+|-+$/g, '');
}

/** Links in copied markdown to files the project does not contain become plain text. */
function fixMarkdownLinks(files: Map<string, Buffer>, stage: JourneyStage, packages: string[]): void {
  const folders = new Set<string>();
  for (const file of files.keys()) {
    for (let dir = dirname(file); dir !== '.'; dir = dirname(dir)) folders.add(dir);
  }
  const exists = (path: string) => path === '.' || files.has(path) || folders.has(path);
  const repoPathOf = (path: string) =>
    path === APP_FOLDER || path.startsWith(`${APP_FOLDER}/`) ? stage.folder + path.slice(APP_FOLDER.length) : path;
  for (const [file, content] of files) {
    const inCopiedFolder = file.startsWith(`${APP_FOLDER}/`) || packages.some((folder) => file.startsWith(`packages/${folder}/`));
    if (!file.endsWith('.md') || !inCopiedFolder) continue;
    const text = content.toString('utf8');
    // Resolve relative to where the file lived in the journey, then map into the project.
    const fixed = unlinkMissingTargets(text, file, exists, (path) => repoPathOf(path.replace(/^\.\.\//, '')));
    if (fixed !== text) files.set(file, Buffer.from(fixed));
  }
}

function gitCommit(repoRoot: string): string | null {
  const result = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}
