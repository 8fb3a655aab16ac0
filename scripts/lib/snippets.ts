import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fenceFor } from './diff-block';
import { diffFile } from './file-diff';
import type { Rendered, SnippetMarker } from './snippet-markers';

/** The two stage folders a lesson compares (repo-relative), or null for a lesson about one stage. */
export interface SnippetPair {
  from: string;
  to: string;
}

/** Renders one marker of a lesson in docs/ (links are relative to docs/). */
export function renderSnippet(repoRoot: string, pair: SnippetPair | null, marker: SnippetMarker): Rendered {
  if (marker.kind === 'excerpt') return renderExcerpt(repoRoot, marker);
  if (!pair) return { ok: false, problem: 'hunks work only in a lesson between two stages (docs/stage-N-to-M.md); use an excerpt.' };
  return renderHunk(repoRoot, pair, marker);
}

/** The hunks of one file's stage diff that contain the anchor (all of them without one). */
function renderHunk(repoRoot: string, pair: SnippetPair, marker: SnippetMarker): Rendered {
  const oldFile = join(repoRoot, pair.from, marker.path);
  const newFile = join(repoRoot, pair.to, marker.path);
  if (!existsSync(newFile)) {
    return { ok: false, problem: `${pair.to}/${marker.path} does not exist; use an excerpt of ${pair.from} to show a removed file.` };
  }
  const change = diffFile(marker.path, existsSync(oldFile) ? oldFile : null, newFile, marker.options.context ?? 3);
  if (change.diff === null) return { ok: false, problem: `${marker.path} is binary or empty.` };
  const hunks = splitHunks(change.diff);
  if (hunks.length === 0) return { ok: false, problem: `${marker.path} is the same in ${pair.from} and ${pair.to}.` };
  const picked = marker.anchor === null ? hunks : hunks.filter((hunk) => hunk.includes(marker.anchor!));
  if (picked.length === 0) {
    return {
      ok: false,
      problem: `"${marker.anchor}" no longer appears in the ${pair.from} → ${pair.to} diff of ${marker.path}: pick another anchor text.`,
    };
  }
  const { first, last } = newSideLines(picked);
  const text = picked.join('\n');
  return { ok: true, markdown: [caption(`${pair.to}/${marker.path}`, first, last), '', fenced(text, 'diff')].join('\n') };
}

/** Unified diff → its hunks, each from its `@@` line on (file headers dropped). */
export function splitHunks(diff: string): string[] {
  const hunks: string[] = [];
  for (const line of diff.split('\n')) {
    if (line.startsWith('@@ ')) hunks.push(line);
    else if (hunks.length > 0) hunks[hunks.length - 1] += `\n${line}`;
  }
  return hunks;
}

/** The first and last line numbers, in the new file, that the hunks cover. */
function newSideLines(hunks: string[]): { first: number; last: number } {
  const ranges = hunks.map((hunk) => {
    const [, start = '1', length = '1'] = /^@@ -\S+ \+(\d+)(?:,(\d+))? @@/.exec(hunk) ?? [];
    return { start: Number(start), end: Number(start) + Math.max(1, Number(length)) - 1 };
  });
  return { first: ranges[0]!.start, last: ranges[ranges.length - 1]!.end };
}

/** Lines of a file: from the anchor's line to where its block closes, or `lines=N` of them. */
function renderExcerpt(repoRoot: string, marker: SnippetMarker): Rendered {
  const file = join(repoRoot, marker.path);
  if (!existsSync(file)) return { ok: false, problem: `${marker.path} does not exist (excerpt paths start at the repository root).` };
  const lines = readFileSync(file, 'utf8').replace(/\n$/, '').split('\n');
  let start = 0;
  if (marker.anchor !== null) {
    const hits = lines.flatMap((line, i) => (line.includes(marker.anchor!) ? [i] : []));
    if (hits.length === 0) return { ok: false, problem: `"${marker.anchor}" no longer appears in ${marker.path}: pick another anchor text.` };
    if (hits.length > 1) {
      return { ok: false, problem: `"${marker.anchor}" appears on ${hits.length} lines of ${marker.path} (${hits.map((i) => i + 1).join(', ')}): make it longer.` };
    }
    start = hits[0]!;
  }
  let end: number;
  if (marker.options.lines !== undefined) end = Math.min(lines.length, start + marker.options.lines) - 1;
  else if (marker.anchor === null) end = lines.length - 1;
  else {
    const closed = blockEnd(lines, start);
    if (closed === null) return { ok: false, problem: `cannot tell where the block at line ${start + 1} of ${marker.path} ends: add lines=N.` };
    end = closed;
  }
  const text = lines.slice(start, end + 1).join('\n');
  return { ok: true, markdown: [caption(marker.path, start + 1, end + 1), '', fenced(text, language(marker.path))].join('\n') };
}

/**
 * The line where the brackets opened from `start` on close again: the end of a class, function or
 * object that starts there (a doc comment before it included). Rough (it counts brackets inside
 * strings too), which is fine: the excerpt is checked by eye once, then by docs:check.
 */
export function blockEnd(lines: readonly string[], start: number): number | null {
  let depth = 0;
  let opened = false;
  for (let i = start; i < lines.length; i++) {
    for (const char of lines[i]!) {
      if ('({['.includes(char)) {
        depth++;
        opened = true;
      } else if (')}]'.includes(char)) depth--;
    }
    if (opened && depth <= 0) return i;
  }
  return null;
}

/** A link to the lines shown; lessons live in docs/, one folder below the root. */
function caption(repoPath: string, first: number, last: number): string {
  const lines = first === last ? `L${first}` : `L${first}-L${last}`;
  return `[\`${repoPath}\`](../${repoPath}#${lines})`;
}

function fenced(text: string, lang: string): string {
  const fence = fenceFor(text);
  return `${fence}${lang}\n${text}\n${fence}`;
}

const LANGUAGES: Record<string, string> = { '.ts': 'ts', '.js': 'js', '.sql': 'sql', '.json': 'json', '.html': 'html', '.md': 'md', '.css': 'css', '.sh': 'sh', '.yaml': 'yaml', '.yml': 'yaml' };

function language(path: string): string {
  return LANGUAGES[extname(path)] ?? '';
}
