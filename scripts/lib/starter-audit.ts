import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { listSourceFiles } from './tracked-files';
import { workspaceDependencies } from './workspace-packages';

/**
 * What would tie an exported project back to the journey repository: a path into the repo,
 * a `../` that climbs out of the project, a `workspace:` dependency with no package to resolve to.
 * `files` maps project-relative paths to contents. Returns one line per problem; empty means the
 * project stands on its own.
 */
export function auditProject(files: Map<string, Buffer>, repoRoot: string): string[] {
  const problems: string[] = [];
  const repoPath = repoRoot.replace(/\/$/, '');
  const names = workspaceNames(files);
  for (const [file, content] of files) {
    if (content.includes(0)) continue; // binary
    const text = content.toString('utf8');
    if (text.includes(repoPath)) problems.push(`${file} contains the journey repository path ${repoPath}`);
    // The lock file's `link:../packages/x` are relative to each importer's folder, not to the file.
    const climb = file === 'pnpm-lock.yaml' ? null : pathLeavingProject(file, text);
    if (climb) problems.push(`${file} has a path "${climb}" that leaves the project`);
    if (posix.basename(file) === 'package.json') {
      const pkg = JSON.parse(text) as Parameters<typeof workspaceDependencies>[0];
      for (const dep of workspaceDependencies(pkg)) {
        if (!names.has(dep)) problems.push(`${file} depends on ${dep} (workspace:), which the project does not contain`);
      }
    }
  }
  return problems;
}

/** The first `../../…` in `text` that climbs above the project root from where `file` sits. */
function pathLeavingProject(file: string, text: string): string | null {
  for (const match of text.matchAll(/(?<![\w./-])((?:\.\.\/)+)/g)) {
    const climbed = posix.normalize(posix.join(posix.dirname(file), match[1]!));
    if (climbed === '..' || climbed.startsWith('../')) return match[1]!;
  }
  return null;
}

/** Reads a written project back from disk, the way the audit wants it. */
export function readProject(projectDir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const file of listSourceFiles(projectDir)) files.set(file, readFileSync(join(projectDir, file)));
  return files;
}

function workspaceNames(files: Map<string, Buffer>): Set<string> {
  const names = new Set<string>();
  for (const [file, content] of files) {
    if (posix.basename(file) !== 'package.json') continue;
    const { name } = JSON.parse(content.toString('utf8')) as { name?: string };
    if (name) names.add(name);
  }
  return names;
}
