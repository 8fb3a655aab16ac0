/**
 * Snippet markers: hand-placed comments in a lesson that the generator fills with code.
 *
 *   <!-- hunk: src/server/patterns-repo.ts "WHERE user_id" -->      the hunks of this file's
 *   <!-- /hunk -->                                                   stage diff that contain the text
 *
 *   <!-- excerpt: stage-1-personal/src/web/store.ts "class LocalPatternStore" lines=20 -->
 *   <!-- /excerpt -->                                                 lines of a file, as they are now
 *
 * A hunk's path is relative to the stage folders of the lesson's pair (as in its file table); an
 * excerpt's path is relative to the repository root. The quoted anchor is optional (without it, the
 * whole diff or file); options are `context=N` for hunks and `lines=N` for excerpts.
 */
export type SnippetKind = 'hunk' | 'excerpt';

export interface SnippetMarker {
  kind: SnippetKind;
  path: string;
  anchor: string | null;
  options: Record<string, number>;
  /** 1-based line of the opening marker, for messages. */
  line: number;
  /** The opening marker as written, to name it in messages. */
  source: string;
}

const OPTIONS: Record<SnippetKind, readonly string[]> = { hunk: ['context'], excerpt: ['lines'] };
const OPENING = /^<!-- (hunk|excerpt): (\S+)(?: "([^"]+)")?((?: [a-z]+=\d+)*) -->$/;
const LOOKS_LIKE_OPENING = /^<!--\s*(hunk|excerpt)\b/;
const closing = (kind: SnippetKind) => `<!-- /${kind} -->`;

export const MARKER_HELP =
  'write <!-- hunk: path/in/stage.ts "text in the hunk" --> or <!-- excerpt: stage-N-x/path.ts "text" lines=20 -->, then <!-- /hunk --> or <!-- /excerpt --> on a later line';

/** What a renderer answers for one marker: the markdown to put inside, or why it cannot. */
export type Rendered = { ok: true; markdown: string } | { ok: false; problem: string };

export interface FillResult {
  text: string;
  /** Markers whose content changed (stale, for docs:check). */
  changed: SnippetMarker[];
  /** Markers that could not be filled, and broken markers; their text is left as it was. */
  problems: string[];
}

/**
 * Fills every snippet marker of `doc` with what `render` answers. Markers inside code fences or
 * inside `skip` regions (the generated diff block) are left alone, so a lesson can show the syntax.
 */
export function fillSnippets(
  doc: string,
  render: (marker: SnippetMarker) => Rendered,
  skip: { start: string; end: string } | null = null,
): FillResult {
  const lines = doc.split('\n');
  const out: string[] = [];
  const changed: SnippetMarker[] = [];
  const problems: string[] = [];
  let fence: string | null = null;
  let skipping = false;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    out.push(line);
    if (skip && line === (skipping ? skip.end : skip.start)) skipping = !skipping;
    if (skipping) continue;
    const fenceMatch = /^(`{3,}|~{3,})/.exec(line);
    if (fenceMatch) {
      if (fence === null) fence = fenceMatch[1]!;
      else if (line.trim().startsWith(fence) && line.trim().replace(/[`~]/g, '') === '') fence = null;
      continue;
    }
    if (fence !== null) continue;

    if (/^<!-- \/(hunk|excerpt) -->$/.test(line)) {
      problems.push(`line ${i + 1}: ${line} closes no marker.`);
      continue;
    }
    if (!LOOKS_LIKE_OPENING.test(line)) continue;
    const nextOpening = lines.findIndex((other, j) => j > i && LOOKS_LIKE_OPENING.test(other));
    const marker = parseOpening(line, i + 1);
    if (typeof marker === 'string') {
      problems.push(`line ${i + 1}: ${marker} (${MARKER_HELP}).`);
      const ownEnd = lines.findIndex((other, j) => j > i && /^<!-- \/(hunk|excerpt) -->$/.test(other));
      if (ownEnd >= 0 && (nextOpening < 0 || ownEnd < nextOpening)) {
        out.push(...lines.slice(i + 1, ownEnd + 1));
        i = ownEnd;
      }
      continue;
    }
    const end = lines.indexOf(closing(marker.kind), i + 1);
    if (end < 0 || (nextOpening >= 0 && nextOpening < end)) {
      problems.push(`line ${i + 1}: ${marker.source} has no ${closing(marker.kind)} after it: add one on the next line.`);
      continue;
    }
    const current = lines.slice(i + 1, end).join('\n');
    const rendered = render(marker);
    if (!rendered.ok) {
      problems.push(`line ${i + 1}: ${marker.source}: ${rendered.problem}`);
      out.push(...lines.slice(i + 1, end));
    } else {
      if (rendered.markdown.split('\n').includes(closing(marker.kind))) {
        throw new Error(`${marker.source}: the snippet itself contains ${closing(marker.kind)}.`);
      }
      if (rendered.markdown !== current) changed.push(marker);
      out.push(rendered.markdown);
    }
    out.push(lines[end]!);
    i = end;
  }
  return { text: out.join('\n'), changed, problems };
}

function parseOpening(line: string, lineNumber: number): SnippetMarker | string {
  const match = OPENING.exec(line);
  if (!match) return `cannot read the marker ${line}`;
  const kind = match[1] as SnippetKind;
  const options: Record<string, number> = {};
  for (const pair of (match[4] ?? '').trim().split(' ').filter(Boolean)) {
    const [name, value] = pair.split('=') as [string, string];
    if (!OPTIONS[kind].includes(name)) return `${kind} takes ${OPTIONS[kind].join(', ')}, not ${name}`;
    options[name] = Number(value);
  }
  return { kind, path: match[2]!, anchor: match[3] ?? null, options, line: lineNumber, source: line };
}
