import type { Variant } from './compile';
import { captureTexts, type FuzzyView } from './message';
import { allowedMissing, fuzzyConfidence, FUZZY_CEILING, MIN_COVERAGE, patternConfidence, type Scored } from './scoring';
import { matchSequence } from './sequence-match';
import type { Vocabulary } from './vocabulary';
import { FILLER_WORDS } from './word-lists';

const EPSILON = 1e-9;

interface Ranked {
  term: string;
  weight: number;
  frequency: number;
}

/** Best anchor first: counts more toward coverage, then rarer, then longer, then alphabetical. */
function order(a: Ranked, b: Ranked): number {
  return b.weight - a.weight || a.frequency - b.frequency || b.term.length - a.term.length || (a.term < b.term ? -1 : 1);
}

/**
 * The words a phrasing is indexed under for the fuzzy tier (prefix filtering): enough of its words
 * that a message containing none of them cannot reach MIN_COVERAGE. Rare words are picked first,
 * which keeps the lists short; the rule itself guarantees no eligible candidate is ever missed.
 */
export function chooseAnchors(variant: Variant, vocabulary: Vocabulary): string[] {
  const total = variant.coverable;
  const ranked = variant.terms.map((term, i): Ranked => ({ term, weight: variant.coverage[i]!, frequency: vocabulary.frequency(term) }));
  // Usually the best-ranked word alone is enough: find it in one pass, without sorting.
  let best = ranked[0];
  for (let i = 1; i < ranked.length; i++) if (order(ranked[i]!, best!) < 0) best = ranked[i];
  if (best && total - best.weight < MIN_COVERAGE * total - EPSILON) return [best.term];
  ranked.sort(order);
  const anchors: string[] = [];
  let remaining = total;
  for (const term of ranked) {
    if (remaining < MIN_COVERAGE * total - EPSILON) break;
    anchors.push(term.term);
    remaining -= term.weight;
  }
  return anchors;
}

/** Rarity weights of a phrasing's terms, kept on the phrasing and recomputed only after the patterns changed. */
function termWeights(variant: Variant, vocabulary: Vocabulary): number[] {
  if (variant.weightsVersion !== vocabulary.version) {
    variant.weights = variant.terms.map((t) => vocabulary.weight(t));
    variant.weightsVersion = vocabulary.version;
  }
  return variant.weights;
}

/**
 * Scores a phrasing without gaps as a bag of words: order ignored, rare words count most.
 * recall = weighted share of the trigger found in the message (typos count a bit less);
 * precision = weighted share of the message that the trigger explains.
 */
export function scoreBag(variant: Variant, view: FuzzyView, vocabulary: Vocabulary): Scored | null {
  // Most candidates share one word with the message and fail MIN_COVERAGE: find out cheaply first,
  // with one AND when the trigger is short, else word by word.
  if ((variant.mustHaveBits & ~view.coveredBits) !== 0) return null;
  let missing = 0;
  const allowed = allowedMissing(variant.coverable);
  const { terms } = variant;
  for (let i = 0; i < terms.length; i++) {
    if (!view.covers.has(terms[i]!) && (missing += variant.coverage[i]!) > allowed) return null;
  }
  const weights = termWeights(variant, vocabulary);
  let matched = 0;
  let similar = 0;
  let total = 0;
  let explained = 0;
  for (let i = 0; i < terms.length; i++) {
    const weight = weights[i]!;
    const count = variant.termCounts?.[i] ?? 1;
    total += weight * count;
    const hit = view.covers.get(terms[i]!);
    if (!hit) continue;
    const times = Math.min(count, hit.source.count);
    matched += weight * times;
    similar += weight * times * hit.similarity;
    explained += hit.source.weight * times;
  }
  if (matched === 0) return null;
  const recall = matched / total;
  const precision = Math.min(1, explained / view.totalWeight);
  return { variant, confidence: fuzzyConfidence(recall, precision, similar / matched), captures: {}, tier: 'fuzzy' };
}

/**
 * Matches a phrasing with gaps in order, forgiving typos in its words and filler words in the message
 * (fillers the trigger itself spells out still have to be there).
 */
export function matchLoosely(variant: Variant, view: FuzzyView, text: string): Scored | null {
  // Cheap checks first: every word of the trigger (fillers aside) must be in the message, maybe misspelled.
  if ((variant.contentBits & ~view.coveredBits) !== 0) return null;
  if (!variant.words.every((w) => FILLER_WORDS.has(w) || view.covers.has(w))) return null;
  const tokens = view.tokens.filter((t) => !FILLER_WORDS.has(t.word) || variant.words.includes(t.word));
  const words = tokens.map((t) => t.word);
  const match = matchSequence(variant.elements, words, (literal, word) => (literal === word ? 1 : (view.near.get(word)?.get(literal) ?? 0)));
  if (!match) return null;
  const confidence = FUZZY_CEILING * match.similarity * patternConfidence(variant.words.length, words.length);
  return { variant, confidence, captures: captureTexts(text, tokens, match.captures), tier: 'fuzzy' };
}
