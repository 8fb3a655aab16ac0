import { InputTooLongError } from './errors';
import { LIMITS } from './limits';
import { splitResponse } from './respond';
import { coverageWeight, mustHaveBits, wordBits } from './scoring';
import { parseTrigger, type Phrasing } from './trigger-parser';
import type { Pattern } from './types';
import { FILLER_WORDS } from './word-lists';

/** A pattern ready for matching: its trigger parsed into phrasings, its response split into alternatives. */
export interface CompiledPattern {
  pattern: Pattern;
  /** `pattern.updatedAt` in milliseconds (0 without one): between equally good matches the newest answers. */
  taughtAt: number;
  variants: Variant[];
  /** Distinct literal words of all phrasings: what the vocabulary counts once per pattern. */
  words: string[];
  responses: string[];
}

/** One phrasing of a trigger, with what each matching tier needs precomputed. */
export interface Variant {
  owner: CompiledPattern;
  /** Its place among the owner's phrasings (the last tie-break, see precedence). */
  position: number;
  /** exact: the whole trigger is plain words · variant: one of several phrasings · wildcard: it has gaps. */
  match: 'exact' | 'variant' | 'wildcard';
  elements: Phrasing;
  /** The literal words in order. */
  words: string[];
  /** Number of `*` and `{name}` gaps; 0 means the phrasing is matched by its exact `key`. */
  gaps: number;
  key: string;
  /** Distinct words the fuzzy tier compares: fillers left out, unless the trigger has nothing else. */
  terms: string[];
  /** coverageWeight of each of `terms`, and their sum. */
  coverage: number[];
  coverable: number;
  /** wordBits of `words`, and of those that are no fillers: a message lacking one of these bits lacks a word. */
  wordBits: number;
  contentBits: number;
  /** Bits of the words it cannot do without (see mustHaveBits): lets the fuzzy tier drop most candidates at once. */
  mustHaveBits: number;
  /** How often each of `terms` occurs, when some word repeats (otherwise undefined: every count is 1). */
  termCounts: number[] | undefined;
  /** The words this phrasing is filed under in the engine's indexes, so remove can find it. */
  indexedUnder: string[];
  partialUnder: string[];
  /** The engine's search count when it last scored this phrasing (cheaper than a Set of seen phrasings). */
  visited: number;
  /** Rarity weights of `terms`, valid while the vocabulary's version equals `weightsVersion` (see termWeights). */
  weights: number[];
  weightsVersion: number;
}

export function checkLength(field: keyof typeof LIMITS, text: string): void {
  if (text.length > LIMITS[field]) throw new InputTooLongError(field, LIMITS[field], text.length);
}

/**
 * `intern` returns one shared instance of a word string (the vocabulary's), so 100,000 patterns that
 * say "what" hold one "what" in memory, not 100,000 copies.
 */
export function compilePattern(pattern: Pattern, intern: (word: string) => string = (w) => w): CompiledPattern {
  checkLength('trigger', pattern.trigger);
  checkLength('response', pattern.response);
  const { id, trigger, response, updatedAt } = pattern;
  const taughtAt = updatedAt === undefined ? 0 : Date.parse(updatedAt);
  const compiled: CompiledPattern = {
    pattern: updatedAt === undefined ? { id, trigger, response } : { id, trigger, response, updatedAt },
    taughtAt: Number.isNaN(taughtAt) ? 0 : taughtAt,
    variants: [],
    words: [],
    responses: splitResponse(pattern.response),
  };
  const phrasings = parseTrigger(pattern.trigger);
  for (const parsed of phrasings) {
    const elements = parsed.map((el) => (typeof el === 'string' ? intern(el) : el));
    const words = elements.filter((el) => typeof el === 'string');
    const gaps = elements.length - words.length;
    const { terms, coverage, coverable, termCounts } = fuzzyTerms(words);
    // Every variant gets the same fields in the same order: one object shape keeps property reads fast.
    compiled.variants.push({
      owner: compiled,
      position: compiled.variants.length,
      match: gaps > 0 ? 'wildcard' : phrasings.length > 1 ? 'variant' : 'exact',
      elements: gaps === 0 ? words : elements,
      words,
      gaps,
      key: words.join(' '),
      terms,
      coverage,
      coverable,
      wordBits: wordBits(words),
      contentBits: wordBits(words.filter((w) => !FILLER_WORDS.has(w))),
      mustHaveBits: mustHaveBits(terms, coverage, coverable),
      termCounts,
      indexedUnder: [],
      partialUnder: [],
      visited: 0,
      weights: [],
      weightsVersion: -1,
    });
  }
  const first = compiled.variants[0];
  compiled.words = compiled.variants.length === 1 && first ? unique(first.words) : unique(compiled.variants.flatMap((v) => v.words));
  return compiled;
}

/** Distinct words and their counts, without fillers ("please", "um", "the") unless only fillers remain. */
function fuzzyTerms(words: string[]): Pick<Variant, 'terms' | 'termCounts' | 'coverage' | 'coverable'> {
  const content = words.some((w) => FILLER_WORDS.has(w)) ? words.filter((w) => !FILLER_WORDS.has(w)) : words;
  const kept = content.length > 0 ? content : words;
  const terms = unique(kept);
  const coverage = terms.map(coverageWeight);
  const coverable = coverage.reduce((sum, w) => sum + w, 0);
  if (terms.length === kept.length) return { terms, coverage, coverable, termCounts: undefined };
  return { terms, coverage, coverable, termCounts: terms.map((t) => kept.filter((w) => w === t).length) };
}

function unique(words: string[]): string[] {
  return words.every((w, i) => words.indexOf(w) === i) ? words : [...new Set(words)];
}
