import type { Element, Gap } from './trigger-parser';

/** How a trigger word compares with a message word: 0 = different, 1 = same, in between = a typo away. */
type WordSimilarity = (triggerWord: string, messageWord: string) => number;

interface SequenceMatch {
  /** Token index ranges [start, end) per capture name. */
  captures: Record<string, [number, number]>;
  /** Product of the word similarities of the literal words (1 when all were typed exactly). */
  similarity: number;
}

/** Gaps followed by a run of literal words; a trigger is a list of these. */
interface Part {
  gaps: Gap[];
  literals: string[];
}

/**
 * Matches a phrasing with `*` / `{name}` gaps against message words, without regular expressions.
 * Each run of literal words is placed at the leftmost position that fits (the last run is pinned to
 * the end), which is the classic glob strategy: it finds a match whenever one exists. Within a gap,
 * earlier captures take one word and the last gap takes the rest, so results are deterministic.
 * Cost: O(message words × trigger words), and triggers are short.
 */
export function matchSequence(elements: readonly Element[], words: readonly string[], similar: WordSimilarity): SequenceMatch | null {
  const parts = splitParts(elements);
  const captures: Record<string, [number, number]> = {};
  let similarity = 1;
  let pos = 0;
  for (const [index, { gaps, literals }] of parts.entries()) {
    const minGap = gaps.filter((g) => g.kind === 'capture').length;
    const isLast = index === parts.length - 1;
    let at: number;
    if (literals.length === 0 || gaps.length === 0 || isLast) {
      // Trailing gaps take the rest; a run with no gap before it starts right here; the last run ends the message.
      at = literals.length === 0 ? words.length : gaps.length === 0 ? pos : words.length - literals.length;
      if (at < pos + minGap || (gaps.length === 0 && at !== pos)) return null;
    } else {
      at = pos + minGap;
      while (at + literals.length <= words.length && runSimilarity(literals, words, at, similar) === 0) at++;
      if (at + literals.length > words.length) return null;
    }
    const runSim = runSimilarity(literals, words, at, similar);
    if (runSim === 0) return null;
    similarity *= runSim;
    fillGaps(gaps, pos, at, captures);
    pos = at + literals.length;
  }
  return pos === words.length ? { captures, similarity } : null;
}

function splitParts(elements: readonly Element[]): Part[] {
  const parts: Part[] = [{ gaps: [], literals: [] }];
  for (const el of elements) {
    let part = parts[parts.length - 1]!;
    if (typeof el === 'string') {
      part.literals.push(el);
      continue;
    }
    if (part.literals.length > 0) parts.push((part = { gaps: [], literals: [] }));
    part.gaps.push(el);
  }
  return parts;
}

function runSimilarity(literals: readonly string[], words: readonly string[], at: number, similar: WordSimilarity): number {
  if (at < 0 || at + literals.length > words.length) return 0;
  let product = 1;
  for (let i = 0; i < literals.length && product > 0; i++) product *= similar(literals[i]!, words[at + i]!);
  return product;
}

/** Shares the words between `from` and `to` among consecutive gaps: each takes its minimum, the last takes the rest. */
function fillGaps(gaps: readonly Gap[], from: number, to: number, captures: Record<string, [number, number]>): void {
  let pos = from;
  for (const [i, gap] of gaps.entries()) {
    const take = i === gaps.length - 1 ? to - pos : gap.kind === 'capture' ? 1 : 0;
    if (gap.kind === 'capture') captures[gap.name] = [pos, pos + take];
    pos += take;
  }
}
