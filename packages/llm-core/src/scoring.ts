import type { Variant } from './compile';
import { FUNCTION_WORDS } from './word-lists';

/**
 * Confidence scales, one per tier, all in [0, 1]:
 * - exact (normalized words equal): 1;
 * - pattern (`*` / `{name}` matched): 0.7 + 0.3 × share of the message's words the trigger spelled out,
 *   so a pattern match always passes the default threshold (0.7);
 * - fuzzy: FUZZY_CEILING × recall² × ∛precision × typo similarity (see fuzzyConfidence).
 */
export const FUZZY_CEILING = 0.95;

/** A fuzzy candidate must contain at least this share of its trigger's words (function words count ¼). */
export const MIN_COVERAGE = 0.8;

/**
 * One of 32 bits standing for a word (words share bits). A set of words becomes a 32-bit number, so
 * "is this word surely not in that set?" is one AND: a bit that is not set means no word of it is there.
 */
export function wordBit(word: string): number {
  return 1 << ((word.charCodeAt(0) * 7 + word.charCodeAt(word.length - 1) * 3 + word.length) & 31);
}

/** wordBit of every word of a list, ORed together. */
export function wordBits(words: readonly string[]): number {
  let bits = 0;
  for (const word of words) bits |= wordBit(word);
  return bits;
}

/** How much of a trigger's coverage may be missing before it fails MIN_COVERAGE (with room for rounding). */
export function allowedMissing(coverable: number): number {
  return (1 - MIN_COVERAGE) * coverable + 1e-9;
}

/**
 * wordBit of the trigger terms that count fully (not function words), when missing any one of them
 * already fails MIN_COVERAGE (short triggers); 0 otherwise. See scoreBag.
 */
export function mustHaveBits(terms: readonly string[], coverage: readonly number[], coverable: number): number {
  if (1 <= allowedMissing(coverable)) return 0;
  return terms.reduce((bits, term, i) => (coverage[i] === 1 ? bits | wordBit(term) : bits), 0);
}

/** How much a word counts toward MIN_COVERAGE. */
export function coverageWeight(word: string): number {
  return FUNCTION_WORDS.has(word) ? 0.25 : 1;
}

export function patternConfidence(literalWords: number, messageWords: number): number {
  return 0.7 + (0.3 * literalWords) / Math.max(messageWords, 1);
}

/**
 * recall: rarity-weighted share of the trigger's words found in the message; precision: share of the
 * message's words that the trigger explains; similarity: 1, or less when words were found through typos.
 * Recall counts most (squared): a missing rare word usually means a different question, while extra
 * words ("hey", "today", a name) are common in chat and only cost a little (cube root).
 */
export function fuzzyConfidence(recall: number, precision: number, similarity: number): number {
  return FUZZY_CEILING * recall ** 2 * Math.cbrt(precision) * similarity;
}

export interface Scored {
  variant: Variant;
  confidence: number;
  captures: Record<string, string>;
  /**
   * Which search found it: exact (normalized words equal), pattern (around `*` / `{name}`), fuzzy
   * (typos, word order, extra words) or partial (a content word left out, see partial.ts).
   */
  tier: 'exact' | 'pattern' | 'fuzzy' | 'partial';
}

/** exact trigger > one phrasing of `(a|b)` / `[optional]` > `*` / `{name}` (see precedence). */
const RANK = { exact: 2, variant: 1, wildcard: 0 } as const;

/** Positive when phrasing `a` is the more exact: its kind of trigger, then more literal words, then fewer gaps. */
export function exactness(a: Variant, b: Variant): number {
  return RANK[a.match] - RANK[b.match] || a.words.length - b.words.length || b.gaps - a.gaps;
}

/**
 * Which of two matches answers: positive when `a` does. A total order, so the answer never depends on
 * the order patterns were added in: higher confidence; then the more exact phrasing; then the pattern
 * taught or changed most recently; then the pattern id and the phrasing's place, only to break ties of
 * equal timestamps.
 */
export function precedence(a: Scored, b: Scored): number {
  const x = a.variant;
  const y = b.variant;
  return (
    a.confidence - b.confidence ||
    exactness(x, y) ||
    x.owner.taughtAt - y.owner.taughtAt ||
    (x.owner.pattern.id < y.owner.pattern.id ? 1 : x.owner.pattern.id > y.owner.pattern.id ? -1 : 0) ||
    y.position - x.position
  );
}

export function isBetter(a: Scored, b: Scored | null): boolean {
  return !b || precedence(a, b) > 0;
}
