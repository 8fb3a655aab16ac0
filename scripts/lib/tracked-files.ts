import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Folders that never belong in a diff or a copy: installs, build output, local data, test results. */
const IGNORED_DIRS = new Set([
  'node_modules',
  'dist',
  'data',
  'test-results',
  'playwright-report',
  'blob-report',
  '.turbo',
  '.git',
]);
const IGNORED_FILES = new Set(['pnpm-lock.yaml', 'package-lock.json', 'yarn.lock', '.DS_Store']);
const IGNORED_SUFFIXES = ['.tsbuildinfo', '.log'];

/** True when a path (relative, `/`-separated) is generated or local rather than source. */
export function isIgnored(relPath: string): boolean {
  const parts = relPath.split('/');
  const name = parts[parts.length - 1] ?? '';
  if (parts.slice(0, -1).some((part) => IGNORED_DIRS.has(part))) return true;
  if (IGNORED_FILES.has(name)) return true;
  return IGNORED_SUFFIXES.some((suffix) => name.endsWith(suffix));
}

/**
 * The source files of `dir` (relative to it, `/`-separated, sorted): what git tracks or would track
 * (honouring .gitignore), minus the ignore list above. Outside a git checkout it walks the folder.
 */
export function listSourceFiles(dir: string): string[] {
  const fromGit = gitFiles(dir);
  const files = (fromGit ?? walk(dir, dir)).filter((file) => !isIgnored(file));
  return [...new Set(files)].sort(byCodePoint);
}

/** Sort by code point, never by locale, so output is the same on every machine. */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function gitFiles(dir: string): string[] | null {
  // `--others --exclude-standard` adds new files not yet committed but not ignored.
  const result = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', '.'], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0 || result.error) return null;
  return result.stdout
    .split('\0')
    .filter(Boolean)
    .filter((file) => existsSync(join(dir, file))); // tracked but deleted in the working tree
}

function walk(root: string, dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!IGNORED_DIRS.has(entry.name)) files.push(...walk(root, path));
    } else if (entry.isFile() || (entry.isSymbolicLink() && statSync(path).isFile())) {
      files.push(relative(root, path).split(sep).join('/'));
    }
  }
  return files;
}
