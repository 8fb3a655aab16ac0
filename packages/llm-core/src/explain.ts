import type { Message, FuzzyView } from './message';
import type { Scored } from './scoring';
import type { Explanation } from './types';
import { FILLER_WORDS } from './word-lists';

/**
 * Why a pattern answered, in the trigger's own words: computed once per reply, for the answer only,
 * by comparing its words with the message again (the searches keep no notes, to stay fast).
 */
export function explain(best: Scored, msg: Message, view: FuzzyView | null): Explanation {
  const { variant } = best;
  if (best.tier === 'exact' || best.tier === 'pattern' || !view) {
    return { match: best.tier === 'pattern' ? 'wildcard' : variant.match, words: [...variant.words], corrected: [], missing: [] };
  }
  const how: Explanation = { match: 'fuzzy', words: [], corrected: [], missing: [] };
  for (const word of new Set(variant.words)) {
    const typed = msg.present.has(word) ? word : typoFor(word, view);
    if (typed !== null) how.words.push(word);
    if (typed !== null && typed !== word) how.corrected.push(`${typed} → ${word}`);
    if (typed === null && !FILLER_WORDS.has(word)) how.missing.push(word);
  }
  return how;
}

/** The message word read as `word` through a typo, or null. */
function typoFor(word: string, view: FuzzyView): string | null {
  for (const [typed, near] of view.near) if (near.has(word)) return typed;
  return null;
}
