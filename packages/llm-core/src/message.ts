import { checkLength } from './compile';
import { tokenize, type Token } from './normalize';
import { typoSimilarity } from './typos';
import type { Vocabulary } from './vocabulary';
import { wordBit, wordBits } from './scoring';
import { FILLER_WORDS, FUNCTION_WORDS } from './word-lists';

/** A message as the exact and pattern tiers see it. */
export interface Message {
  text: string;
  tokens: Token[];
  words: string[];
  /** Normalized words joined by spaces: the exact-match key and the seed for picking an alternative. */
  key: string;
  /** wordBits of `words`: a trigger word whose bit is not here is surely not in the message. */
  bits: number;
  /** The distinct words, built on first use (most candidates are ruled out by `bits` first). */
  readonly present: ReadonlySet<string>;
}

/** What the fuzzy tier needs on top: which known words the message covers, and how much each word weighs. */
export interface FuzzyView {
  /** All tokens of the message. */
  tokens: Token[];
  /** Known word → the best message word that covers it (itself, or typed with a typo). */
  covers: Map<string, { source: MessageWord; similarity: number }>;
  /** Misspelled message word → known word → similarity, for word-by-word comparison. */
  near: Map<string, Map<string, number>>;
  /** Distinct content word → how often it occurs and its rarity weight (unknown words weigh like the rarest). */
  words: Map<string, MessageWord>;
  /** Sum of the weights of all content words: what a perfect match would explain. */
  totalWeight: number;
  /** wordBit of every key of `covers`: a trigger word whose bit is missing here is surely not covered. */
  coveredBits: number;
}

interface MessageWord {
  count: number;
  weight: number;
}

export function readMessage(input: string): Message {
  checkLength('message', input);
  const { text, tokens } = tokenize(input);
  const words = tokens.map((t) => t.word);
  let present: Set<string> | undefined;
  return {
    text, tokens, words, key: words.join(' '), bits: wordBits(words),
    get present() {
      return (present ??= new Set(words));
    },
  };
}

export function readFuzzy(message: Message, vocabulary: Vocabulary): FuzzyView {
  const nonFiller = message.tokens.filter((t) => !FILLER_WORDS.has(t.word));
  const content = nonFiller.length > 0 ? nonFiller : message.tokens;
  const view: FuzzyView = { tokens: message.tokens, covers: new Map(), near: new Map(), words: new Map(), totalWeight: 0, coveredBits: 0 };
  for (const { word } of content) {
    const seen = view.words.get(word);
    if (seen) {
      seen.count++;
      view.totalWeight += seen.weight;
      continue;
    }
    const source: MessageWord = { count: 1, weight: vocabulary.weight(word) };
    if (vocabulary.has(word) || FUNCTION_WORDS.has(word)) {
      // Known words are taken as typed, which keeps "form" from also meaning "from"; so are common
      // English words no trigger uses yet ("that" is not a typo of "thai").
      if (vocabulary.has(word)) view.covers.set(word, { source, similarity: 1 });
    } else {
      const near = new Map(vocabulary.neighbours(word).map((n) => [n.word, typoSimilarity(n.distance)]));
      view.near.set(word, near);
      for (const [known, similarity] of near) {
        const covered = view.covers.get(known);
        if (!covered || similarity > covered.similarity) view.covers.set(known, { source, similarity });
        // A typo weighs like the most common word it could stand for.
        source.weight = Math.min(source.weight, vocabulary.weight(known));
      }
    }
    view.words.set(word, source);
    view.totalWeight += source.weight;
  }
  for (const known of view.covers.keys()) view.coveredBits |= wordBit(known);
  return view;
}

/** The captured words as the person typed them: from the first word's start to the last word's end. */
export function captureTexts(text: string, tokens: readonly Token[], ranges: Record<string, [number, number]>): Record<string, string> {
  const captures: Record<string, string> = {};
  for (const [name, [start, end]] of Object.entries(ranges)) {
    const first = tokens[start];
    const last = tokens[end - 1];
    if (first && last) captures[name] = text.slice(first.start, last.end);
  }
  return captures;
}
