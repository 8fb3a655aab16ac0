import { expandContraction } from '../src/contractions';
import type { Pattern } from '../src/types';
import { FILLER_WORDS, FUNCTION_WORDS } from '../src/word-lists';
import { TypoIndex } from '../src/typo-index';
import { GapOracle } from './gap-oracle';
import { Random, Zipf } from './random';

/**
 * A deterministic chatbot-like corpus: question frames made of common English words with slots (C)
 * filled by invented content words drawn with Zipf frequencies, so a few words are everywhere and
 * most are rare, as in real text. ~6% of triggers have a `*`, ~6% a `{capture}`.
 */
const FRAMES = [
  'what is C', 'what is the C of C', 'how do i C my C', 'where can i find C C', 'tell me about C', 'i want to C a C',
  'can you C the C for me', 'C C', 'C C C', 'why is my C C', 'who is the C C', 'when does the C C', 'is there a C near C',
  'do you have C C', 'show me C C C', 'how much is a C', 'C C is not working', 'what are your C C', 'help with C C',
  'i need C for C C', 'how to C C', 'what does C mean', 'is it C to C', 'how many C are in C', 'C and C',
  'where is the C', 'can i C my C C', 'what time does C C', 'how are you C', 'i have a C with my C', 'C my C',
  'what should i C', 'give me C C', 'how can i C', 'my C is C', 'C in C', 'why does C C so C', 'what about C',
];
const WILDCARD_FRAMES = ['tell me about * C', 'what is * C', 'C *', '* C C', 'how do i C *', 'C * C', 'i want * C C', 'where is * C'];
const CAPTURE_FRAMES = ['my C is {value}', 'call me {value} C', 'C C for {value}', 'remind me to C {value}', 'send {value} to C', 'i live in {value} C', 'C {value} please'];
const FRAME_WORDS = new Set([...FRAMES, ...WILDCARD_FRAMES, ...CAPTURE_FRAMES].flatMap((f) => f.split(' ')));
const EXTRA_WORDS = ['please', 'so', 'hey', 'now', 'today', 'um', 'just', 'really', 'ok', 'then', 'again', 'quickly'];

export type QueryClass = 'exact' | 'variant' | 'wildcard' | 'capture' | 'one typo' | 'reordered/extra' | 'word left out' | 'no match' | 'common no-match';
export const QUERY_CLASSES: QueryClass[] = ['exact', 'variant', 'wildcard', 'capture', 'one typo', 'reordered/extra', 'word left out', 'no match', 'common no-match'];

/** Words in nearly every question: a message made only of these asks nothing a trigger answers. */
export const COMMON_WORDS = 'the is what how my it do you can i a to of in on for that this are be your me we and not does did was have will there here when where why who which about with so please'.split(' ');

/** A message of 2 to 6 common words ("what is it", "how do i do that"). */
export function commonWords(random: Random): string[] {
  return Array.from({ length: 2 + random.int(5) }, () => random.pick(COMMON_WORDS));
}

/**
 * Plain triggers by each of their content words, to tell whether a message with one content word left
 * out has one right answer: no other trigger's content words differ from the message's by one word or
 * none (that one would fit as well).
 */
export class ContentIndex {
  private readonly byWord = new Map<string, { id: string; content: Set<string> }[]>();

  constructor(triggers: readonly { id: string; words: readonly string[] }[], private readonly isContent: (word: string) => boolean) {
    for (const { id, words } of triggers) {
      const entry = { id, content: new Set(words.filter(isContent)) };
      for (const w of entry.content) this.byWord.set(w, [...(this.byWord.get(w) ?? []), entry]);
    }
  }

  content(words: readonly string[]): Set<string> {
    return new Set(words.filter(this.isContent));
  }

  /** Another trigger whose content words differ from these words' by at most one. */
  hasRival(words: readonly string[], except: string): boolean {
    const mine = this.content(words);
    for (const w of mine) {
      for (const { id, content } of this.byWord.get(w) ?? []) {
        if (id === except) continue;
        let differ = 0;
        for (const c of content) if (!mine.has(c)) differ++;
        for (const m of mine) if (!content.has(m)) differ++;
        if (differ <= 1) return true;
      }
    }
    return false;
  }
}

export interface Query {
  cls: QueryClass;
  message: string;
  /** The pattern that should answer, or null for the fallback. */
  expected: string | null;
  captures?: Record<string, string>;
}

export interface Corpus {
  patterns: Pattern[];
  queries: Query[];
}

/** Invented words (e.g. "brastel"), so typos and frequencies behave like words without a dictionary file. */
function inventWords(random: Random, count: number): string[] {
  const onsets = ['b', 'c', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'z', 'br', 'cr', 'dr', 'fl', 'gr', 'pl', 'st', 'tr', 'ch', 'sh', 'th'];
  const vowels = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou', 'io'];
  const codas = ['', '', '', 'n', 'r', 's', 't', 'l', 'm', 'nd', 'st', 'ck'];
  const words = new Set<string>();
  while (words.size < count) {
    let w = '';
    const syllables = 1 + random.int(3);
    for (let s = 0; s < syllables; s++) w += random.pick(onsets) + random.pick(vowels) + (s === syllables - 1 || random.chance(0.3) ? random.pick(codas) : '');
    const plain = w.length >= 3 && !FILLER_WORDS.has(w) && !FUNCTION_WORDS.has(w) && expandContraction(w, true) === null;
    if (plain) words.add(w);
  }
  return [...words];
}

export function buildCorpus(size: number, queriesPerClass: number, seed = 42): Corpus {
  const random = new Random(seed);
  const all = inventWords(random, 40_000);
  const vocabulary = all.slice(0, 30_000); // words triggers use, by Zipf rank
  const unseen = all.slice(30_000); // words no trigger uses: wildcard fills, capture values, no-match queries
  const zipf = new Zipf(vocabulary.length, 1);
  const content = () => vocabulary[zipf.draw(random)]!;
  const fill = (frame: string) => frame.split(' ').map((w) => (w === 'C' ? content() : w)).join(' ');

  const patterns: Pattern[] = [];
  const keys = new Set<string>();
  while (patterns.length < size) {
    const roll = random.next();
    const frame = roll < 0.06 ? random.pick(WILDCARD_FRAMES) : roll < 0.12 ? random.pick(CAPTURE_FRAMES) : random.pick(FRAMES);
    const trigger = fill(frame);
    // One pattern per phrase and per bag of words, so every query has one right answer.
    const key = trigger.split(' ').sort().join(' ');
    if (keys.has(key)) continue;
    keys.add(key);
    patterns.push({ id: `p${patterns.length}`, trigger, response: `answer ${patterns.length}` });
  }

  const frequency = new Map<string, number>();
  for (const w of patterns.flatMap((p) => p.trigger.split(' '))) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  const known = new Set(frequency.keys());
  // A new word one typo away from a taught one reads as that word misspelled, so no-match queries avoid them.
  const typos = new TypoIndex();
  for (const w of known) typos.add(w);
  const distinct = unseen.filter((w) => typos.neighbours(w).length === 0);
  const exactKeys = new Set(patterns.map((p) => p.trigger));
  const plain = patterns.filter((p) => !/[*{]/.test(p.trigger));
  const wild = patterns.filter((p) => p.trigger.includes('*'));
  const capture = patterns.filter((p) => p.trigger.includes('{'));
  const oracle = new GapOracle(
    [...wild, ...capture].map((p) => p.trigger),
    (words) => words.find((w) => !FRAME_WORDS.has(w)) ?? words[0]!,
  );
  const isContent = (w: string) => !FUNCTION_WORDS.has(w) && !FILLER_WORDS.has(w);
  const contentIndex = new ContentIndex(plain.map((p) => ({ id: p.id, words: p.trigger.split(' ') })), isContent);
  const queries: Query[] = [];
  const add = (cls: QueryClass, make: () => Query | null) => {
    for (let made = 0, tries = 0; made < queriesPerClass && tries < queriesPerClass * 20; tries++) {
      const q = make();
      // Fuzzy and no-match queries that a wildcard trigger legitimately matches have no single right answer.
      const ambiguous = q && cls !== 'exact' && cls !== 'variant' && cls !== 'wildcard' && cls !== 'capture' && oracle.matchesAny(q.message);
      if (q && !ambiguous) {
        queries.push(q);
        made++;
      }
    }
  };

  add('exact', () => {
    const p = random.pick(plain);
    return { cls: 'exact', message: p.trigger, expected: p.id };
  });
  add('variant', () => {
    const p = random.pick(plain);
    const words = p.trigger.replace('what is', "what's").replace('i am', "I'm").split(' ');
    const cased = words.map((w) => (random.chance(0.3) ? w.toUpperCase() : random.chance(0.3) ? w[0]!.toUpperCase() + w.slice(1) : w));
    const message = `${random.chance(0.5) ? '  ' : ''}${cased.join(random.pick([' ', '  ', ', ', ' - ']))}${random.pick(['?', '!', '...', '.', ' :)'])}`;
    return { cls: 'variant', message, expected: p.id };
  });
  add('wildcard', () => {
    const p = random.pick(wild);
    const n = random.int(4);
    const message = p.trigger.replace('*', Array.from({ length: n }, () => random.pick(unseen)).join(' ')).replace(/\s+/g, ' ').trim();
    return exactKeys.has(message) ? null : { cls: 'wildcard', message, expected: p.id };
  });
  add('capture', () => {
    const p = random.pick(capture);
    const value = Array.from({ length: 1 + random.int(2) }, () => {
      const w = random.pick(unseen);
      return w[0]!.toUpperCase() + w.slice(1);
    }).join(' ');
    return { cls: 'capture', message: p.trigger.replace('{value}', value), expected: p.id, captures: { value } };
  });
  add('one typo', () => {
    const p = random.pick(plain);
    const words = p.trigger.split(' ');
    const at = random.pick(words.map((w, i) => (w.length >= 4 ? i : -1)).filter((i) => i >= 0).concat(-1));
    if (at < 0) return null;
    const typo = makeTypo(random, words[at]!);
    if (known.has(typo)) return null; // a real word is not a typo
    words[at] = typo;
    return { cls: 'one typo', message: words.join(' '), expected: p.id };
  });
  add('reordered/extra', () => {
    const p = random.pick(plain);
    const words = p.trigger.split(' ');
    let shuffled = random.shuffle(words);
    const extras = random.chance(0.6) ? 1 + random.int(2) : 0;
    for (let i = 0; i < extras; i++) {
      const extra = random.chance(0.25) ? content() : random.pick(EXTRA_WORDS);
      shuffled.splice(random.int(shuffled.length + 1), 0, extra);
    }
    if (shuffled.join(' ') === p.trigger) shuffled = [...shuffled.slice(1), shuffled[0]!];
    const message = shuffled.join(' ');
    return message === p.trigger ? null : { cls: 'reordered/extra', message, expected: p.id };
  });
  add('word left out', () => {
    // A trigger of 3+ content words asked without one of them ("where can i find brastel" for "... brastel moum").
    const p = random.pick(plain);
    const words = p.trigger.split(' ');
    const content = words.map((w, i) => (isContent(w) ? i : -1)).filter((i) => i >= 0);
    if (new Set(content.map((i) => words[i])).size < 3) return null;
    words.splice(random.pick(content), 1);
    if (exactKeys.has(words.join(' ')) || contentIndex.hasRival(words, p.id)) return null;
    return { cls: 'word left out', message: words.join(' '), expected: p.id };
  });
  add('no match', () => {
    // Half: a frame with words no trigger uses. Half: a near miss, a real trigger whose rarest content
    // word (its topic) is swapped for one no trigger uses.
    if (random.chance(0.5)) {
      return { cls: 'no match', message: random.pick(FRAMES).split(' ').map((w) => (w === 'C' ? random.pick(distinct) : w)).join(' '), expected: null };
    }
    const p = random.pick(plain);
    const words = p.trigger.split(' ');
    const slots = words.map((w, i) => (!FRAME_WORDS.has(w) ? i : -1)).filter((i) => i >= 0);
    if (slots.length < 2) return null;
    const rarest = slots.reduce((a, b) => (frequency.get(words[b]!)! < frequency.get(words[a]!)! ? b : a));
    words[rarest] = random.pick(distinct);
    return { cls: 'no match', message: words.join(' '), expected: null };
  });
  add('common no-match', () => {
    const message = commonWords(random).join(' ');
    return exactKeys.has(message) ? null : { cls: 'common no-match', message, expected: null };
  });
  return { patterns, queries };
}

function makeTypo(random: Random, word: string): string {
  const i = random.int(word.length);
  const letter = 'abcdefghijklmnopqrstuvwxyz'[random.int(26)]!;
  switch (random.int(4)) {
    case 0:
      return word.slice(0, i) + (letter === word[i] ? 'q' : letter) + word.slice(i + 1); // substitute
    case 1:
      return word.slice(0, i) + word.slice(i + 1); // delete
    case 2:
      return word.slice(0, i) + letter + word.slice(i); // insert
    default: {
      const j = Math.min(i, word.length - 2); // swap two neighbours
      return word[j] === word[j + 1] ? word.slice(0, j) + letter + word.slice(j + 1) : word.slice(0, j) + word[j + 1] + word[j] + word.slice(j + 2);
    }
  }
}
