import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { byCodePoint } from './tracked-files';

export interface PackageJson {
  name?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  [key: string]: unknown;
}

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

export function readPackageJson(dir: string): PackageJson {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
}

/** Names a package depends on through the `workspace:` protocol, in every dependency field. */
export function workspaceDependencies(pkg: PackageJson): string[] {
  const names = DEPENDENCY_FIELDS.flatMap((field) =>
    Object.entries(pkg[field] ?? {})
      .filter(([, spec]) => spec.startsWith('workspace:'))
      .map(([name]) => name),
  );
  return [...new Set(names)].sort(byCodePoint);
}

/** The shared packages of the repo (packages/*), by package name → folder name. */
export function sharedPackages(repoRoot: string): Map<string, string> {
  const found = new Map<string, string>();
  const packagesDir = join(repoRoot, 'packages');
  for (const folder of readdirSync(packagesDir).sort(byCodePoint)) {
    if (!existsSync(join(packagesDir, folder, 'package.json'))) continue;
    const { name } = readPackageJson(join(packagesDir, folder));
    if (name) found.set(name, folder);
  }
  return found;
}

/**
 * Every shared package `root` needs, directly or through another shared package, as folder names.
 * Fails when a `workspace:` dependency names no package in packages/.
 */
export function workspaceClosure(root: PackageJson, available: Map<string, string>, repoRoot: string): string[] {
  const needed = new Set<string>();
  const queue = workspaceDependencies(root);
  while (queue.length > 0) {
    const name = queue.shift()!;
    const folder = available.get(name);
    if (!folder) throw new Error(`${root.name ?? 'a package'} depends on ${name} (workspace:), which is not in packages/.`);
    if (needed.has(folder)) continue;
    needed.add(folder);
    queue.push(...workspaceDependencies(readPackageJson(join(repoRoot, 'packages', folder))));
  }
  return [...needed].sort(byCodePoint);
}
