import type { Variant } from './compile';
import type { FuzzyView } from './message';
import { FUZZY_CEILING, wordBit, type Scored } from './scoring';
import type { Vocabulary } from './vocabulary';
import { FUNCTION_WORDS, NEGATIONS } from './word-lists';

/**
 * Partial questions: a message that leaves out one content word of a longer trigger, such as "what are
 * your opening hours" for "what are your opening hours on sunday". The fuzzy tier cannot take these (a
 * missing rare word usually means another question), so they get their own, stricter rule: the trigger
 * has at least PARTIAL_MIN_TERMS content words, the message has all of them but one (and every "not"),
 * and the message says nothing the trigger does not (function words aside). It answers only when
 * clearly ahead of the runner-up.
 */
const PARTIAL_MIN_TERMS = 3;

/** How far ahead of the runner-up a partial match must be to answer; closer, the reply asks "did you mean". */
export const CLEAR_LEAD = 0.05;

/**
 * The words a phrasing is filed under for partial questions: its two rarest content words, so a message
 * that leaves out any one content word still has one of them. Null when it has too few content words.
 */
export function partialAnchors(variant: Variant, vocabulary: Vocabulary): string[] | null {
  // One pass, no sorting: this runs for every phrasing when 100,000 patterns are loaded.
  let content = 0;
  let first = '';
  let second = '';
  let firstCount = Infinity;
  let secondCount = Infinity;
  for (let i = 0; i < variant.terms.length; i++) {
    if (variant.coverage[i] !== 1) continue;
    content++;
    const term = variant.terms[i]!;
    const count = vocabulary.frequency(term);
    if (count < firstCount || (count === firstCount && term < first)) {
      [second, secondCount, first, firstCount] = [first, firstCount, term, count];
    } else if (count < secondCount || (count === secondCount && term < second)) {
      [second, secondCount] = [term, count];
    }
  }
  return content < PARTIAL_MIN_TERMS ? null : [first, second];
}

/**
 * Whether the message can be a partial question at all, checked before any lookup: every content word
 * is known (or a typo of a known one), since the trigger must explain it, and there are at least two.
 */
export function mayBePartial(view: FuzzyView): boolean {
  let content = 0;
  for (const word of view.words.keys()) {
    if (FUNCTION_WORDS.has(word)) continue;
    if (!view.covers.has(word) && !view.near.get(word)?.size) return false;
    content++;
  }
  return content >= PARTIAL_MIN_TERMS - 1;
}

/** wordBit of the content words: a message that lacks two of these bits lacks two words (see isPartialCandidate). */
export function contentTermBits(variant: Variant): number {
  return variant.terms.reduce((bits, term, i) => (variant.coverage[i] === 1 ? bits | wordBit(term) : bits), 0);
}

/** One AND and a bit trick: at most one of the tag's bits is missing from the message. */
export function isPartialCandidate(tag: number, coveredBits: number): boolean {
  const missing = tag & ~coveredBits;
  return (missing & (missing - 1)) === 0;
}

/**
 * Scores a phrasing as a partial question, or null when the message is not one. Confidence is
 * FUZZY_CEILING × √(share of the trigger's coverage the message has) × typo similarity: about 0.78
 * for one of three content words left out, more for longer triggers.
 */
export function scorePartial(variant: Variant, view: FuzzyView): Scored | null {
  const { terms, coverage } = variant;
  let missingContent = 0;
  let missing = 0;
  let found = 0;
  let similarity = 0;
  for (let i = 0; i < terms.length; i++) {
    const hit = view.covers.get(terms[i]!);
    if (hit) {
      found++;
      similarity += hit.similarity;
      continue;
    }
    missing += coverage[i]!;
    if ((coverage[i] === 1 && ++missingContent > 1) || NEGATIONS.has(terms[i]!)) return null; // "can't log in" ≠ "can log in"
  }
  // Every content word of the message must be one of the trigger's (itself, or typed with a typo).
  for (const word of view.words.keys()) {
    if (FUNCTION_WORDS.has(word) || terms.includes(word)) continue;
    const near = view.near.get(word);
    if (!near || !terms.some((t) => near.has(t))) return null;
  }
  const share = (variant.coverable - missing) / variant.coverable;
  return { variant, confidence: FUZZY_CEILING * Math.sqrt(share) * (similarity / found), captures: {}, tier: 'partial' };
}
