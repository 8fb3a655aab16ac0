import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { byCodePoint, listSourceFiles } from './tracked-files';

export type FileStatus = 'added' | 'changed' | 'removed';

/** One file that differs between two folders. */
export interface FileChange {
  /** Path relative to both folders, `/`-separated. */
  path: string;
  status: FileStatus;
  addedLines: number;
  removedLines: number;
  /** Unified diff with folder-relative headers; null for removed and binary files. */
  diff: string | null;
}

export interface FolderDiff {
  changes: FileChange[];
  unchanged: number;
}

/** Compares the source files of two folders, file by file, in a stable order. */
export function diffFolders(fromDir: string, toDir: string): FolderDiff {
  const before = new Set(listSourceFiles(fromDir));
  const after = new Set(listSourceFiles(toDir));
  const all = [...new Set([...before, ...after])].sort(byCodePoint);
  const changes: FileChange[] = [];
  let unchanged = 0;
  for (const path of all) {
    const oldFile = before.has(path) ? join(fromDir, path) : null;
    const newFile = after.has(path) ? join(toDir, path) : null;
    if (oldFile && newFile && readFileSync(oldFile).equals(readFileSync(newFile))) {
      unchanged++;
      continue;
    }
    changes.push(diffFile(path, oldFile, newFile));
  }
  return { changes, unchanged };
}

/**
 * Diffs one file; a missing side (null) means the file was added or removed. `context` is the
 * number of unchanged lines shown around each change (git's -U).
 */
export function diffFile(path: string, oldFile: string | null, newFile: string | null, context = 3): FileChange {
  if (!newFile) {
    return { path, status: 'removed', addedLines: 0, removedLines: countLines(oldFile!), diff: null };
  }
  const status: FileStatus = oldFile ? 'changed' : 'added';
  const body = gitDiffBody(oldFile ?? '/dev/null', newFile, context);
  if (body === null) return { path, status, addedLines: 0, removedLines: 0, diff: null }; // binary or empty
  const lines = body.split('\n');
  const diff = [`--- ${oldFile ? `a/${path}` : '/dev/null'}`, `+++ b/${path}`, ...lines].join('\n');
  return {
    path,
    status,
    addedLines: lines.filter((line) => line.startsWith('+')).length,
    removedLines: lines.filter((line) => line.startsWith('-')).length,
    diff,
  };
}

/**
 * `git diff --no-index` between two files, returned from the first hunk on (its header names absolute
 * paths, which we replace). User and system git config is ignored so every machine prints the same.
 * Returns null for binary files and empty new files (nothing to show).
 */
function gitDiffBody(oldFile: string, newFile: string, context: number): string | null {
  const args = [
    'diff', '--no-index', '--no-color', '--no-ext-diff', '--no-textconv', `-U${context}`,
    '--diff-algorithm=myers', '--indent-heuristic', '--inter-hunk-context=0', '--', oldFile, newFile,
  ];
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', LC_ALL: 'C' };
  const result = spawnSync('git', args, { encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
  // Exit code 1 means "files differ", which is the point.
  if (result.error || (result.status !== 0 && result.status !== 1)) {
    throw new Error(`git diff failed for ${newFile}: ${result.error?.message ?? result.stderr}`);
  }
  const out = result.stdout;
  const firstHunk = out.search(/^@@ /m);
  if (firstHunk < 0) {
    if (/^Binary files /m.test(out) || /^new file mode /m.test(out)) return null; // binary or empty
    throw new Error(`git diff printed no hunk for ${newFile}:\n${out}`);
  }
  return out.slice(firstHunk).replace(/\n$/, '');
}

function countLines(file: string): number {
  if (!existsSync(file)) return 0;
  const text = readFileSync(file, 'utf8');
  if (text === '') return 0;
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}
