import type { Pattern } from '../src/types';
import { commonWords, ContentIndex, type Corpus, type Query, type QueryClass } from './corpus';
import * as W from './english-words';
import { isMeaningful, QueryJudge, withinTypoReach, type Phrasing } from './query-judge';
import { Random, Zipf } from './random';

/**
 * A second corpus, built differently from corpus.ts so the engine cannot be tuned to one of them:
 * FAQ-style English triggers ("how do i reset my password", "what time does the bank open on
 * monday") over a few hundred real words drawn with Zipf frequencies, with contractions, `(a|b)`,
 * `[optional]`, `*` and `{captures}`; queries as people type them (keyboard typos, "whats",
 * "um ... please", reordered words); and no-match questions that reuse the corpus's words.
 * Slots: <thing> <action> <place> <topic> <quality> <product> <city> <day>.
 */
const PLAIN = [
  'how do i <action> my <thing>', 'how (do|can) i <action> my <quality> <thing>', '[please] help me <action> my <thing>',
  "i can't <action> my <thing>", 'what time does the <place> (open|close) on <day>', "what's the best <thing> for <topic>",
  'where is the nearest <place> in <city>', 'is the <place> open <day>', 'how much does a <quality> <thing> cost',
  'do you sell <quality> <product>', 'where can i buy <product> in <city>', "my <thing> isn't working",
  'why is my <thing> so <quality>', 'i want to <action> my <thing> <day>', 'can i <action> my <thing> online',
  "what's the weather like in <city> <day>", 'recommend a <quality> <place> in <city>',
  'how long does it take to <action> a <thing>', 'tell me about the history of <topic>', 'who can <action> my <thing> in <city>',
  '(hi|hello) i need help with my <thing>', 'does the <place> have <quality> <product>', "i'm looking for a <quality> <place>",
  "i don't know how to <action> my <thing>", 'is <topic> popular in <city>', 'are there <topic> classes at the <place>',
];
const WILDCARD = [
  '* weather in <city> *', '* <action> my <thing> *', 'tell me a joke about *', '* <place> opening hours *',
  'how do i get to * <place>', '* my <thing> (is broken|stopped working)', 'what do you think about * <topic>',
];
const CAPTURE = [
  '<action> my <thing> to {value}', 'my <thing> number is {value}', 'remind me to <action> my <thing> at {time}',
  'send my <thing> to {name}', 'book the <place> for {value}', 'i live in {city}', 'my name is {name}', 'call me {name}',
];
const SLOTS: Record<string, string[]> = {
  thing: W.THINGS, action: W.ACTIONS, place: W.PLACES, topic: W.TOPICS, quality: W.QUALITIES, product: W.PRODUCTS, city: W.CITIES, day: W.DAYS,
};
/** Topic words: swapping one for another changes what a question asks. */
const NOUNS = [...W.THINGS, ...W.PLACES, ...W.TOPICS, ...W.PRODUCTS];
const CONTRACTIONS: Record<string, string> = {
  "what's": 'what is', "can't": 'can not', "isn't": 'is not', "i'm": 'i am', "don't": 'do not', "it's": 'it is',
};
/** Ways people write each contraction; the first is how triggers write it. */
const SPELLINGS: [string, string[]][] = Object.entries(CONTRACTIONS).map(([short, long]) => [short, [short, short.replace("'", ''), short.replace("'", '’'), long]]);
const OFF_TOPIC = [
  'who painted the <unseen>', 'can a <unseen> eat a <unseen>', 'how tall is the <unseen>', 'why do <unseen> have stripes',
  'what rhymes with <unseen>', 'is a <unseen> faster than a <unseen>', 'how old is the oldest <unseen>',
  'what does a <unseen> sound like', 'where do <unseen> sleep at night', 'how many legs does a <unseen> have',
];

/** Normalized words of surface text: lowercase, contractions spelled out (the judge's own normalization). */
const normalize = (surface: string) => surface.toLowerCase().split(' ').flatMap((w) => (CONTRACTIONS[w] ?? w).split(' '));

/** `(a|b)` and `[a]` multiplied out into surface phrasings (word lists). */
function expand(trigger: string): string[][] {
  let out: string[][] = [[]];
  for (const [, alt, opt, word] of trigger.matchAll(/\(([^)]*)\)|\[([^\]]*)\]|(\S+)/g)) {
    const options = word !== undefined ? [word] : alt !== undefined ? alt.split('|') : [opt!, ''];
    out = out.flatMap((p) => options.map((o) => [...p, ...o.split(' ').filter(Boolean)]));
  }
  return out;
}

export function buildIndependentCorpus(size: number, queriesPerClass: number, seed = 7): Corpus {
  const random = new Random(seed);
  const zipfs = new Map(Object.entries(SLOTS).map(([slot, words]) => [slot, new Zipf(words.length, 1)]));
  const fill = (template: string) => template.replace(/<(\w+)>/g, (_, slot: string) => SLOTS[slot]![zipfs.get(slot)!.draw(random)]!);

  const patterns: Pattern[] = [];
  const surfaces = new Map<string, string[][]>(); // id → surface phrasings
  const phrasings: Phrasing[] = [];
  const bags = new Set<string>();
  for (let tries = 0; patterns.length < size && tries < size * 50; tries++) {
    const roll = random.next();
    const trigger = fill(roll < 0.06 ? random.pick(WILDCARD) : roll < 0.12 ? random.pick(CAPTURE) : random.pick(PLAIN));
    const surface = expand(trigger);
    const keys = surface.map((s) => normalize(s.join(' ')).sort().join(' '));
    if (keys.some((k) => bags.has(k))) continue; // one pattern per bag of words: every query has one right answer
    for (const k of keys) bags.add(k);
    const id = `q${patterns.length}`;
    patterns.push({ id, trigger, response: `answer ${id}` });
    surfaces.set(id, surface);
    for (const s of surface) phrasings.push({ id, elements: normalize(s.join(' ')) });
  }

  const judge = new QueryJudge(phrasings);
  const known = new Set(phrasings.flatMap((p) => p.elements));
  const knownList = [...known];
  const typoReach = new Map<string, boolean>();
  const readsAsTypo = (word: string) => !known.has(word) && (typoReach.get(word) ?? typoReach.set(word, knownList.some((k) => withinTypoReach(k, word))).get(word)!);
  const unseen = W.UNSEEN.filter((w) => !known.has(w) && !readsAsTypo(w));
  const isGapped = (p: Pattern) => /[*{]/.test(p.trigger);
  const plain = patterns.filter((p) => !isGapped(p));
  const wild = patterns.filter((p) => p.trigger.includes('*'));
  const captured = patterns.filter((p) => p.trigger.includes('{'));
  const phrase = (p: Pattern) => random.pick(surfaces.get(p.id)!);
  const plainPhrasings = phrasings.filter((p) => p.elements.every((el) => el !== '*' && !el.startsWith('{')));
  const contentIndex = new ContentIndex(plainPhrasings.map((p) => ({ id: p.id, words: p.elements })), isMeaningful);

  const queries: Query[] = [];
  const add = (cls: QueryClass, make: () => Query | null) => {
    for (let made = 0, tries = 0; made < queriesPerClass && tries < queriesPerClass * 50; tries++) {
      const q = make();
      if (q) queries.push(q), made++;
    }
  };
  /** Gap queries: no plain trigger reads the same, and no other gap trigger is as specific. */
  const gapQuery = (cls: QueryClass, p: Pattern, surface: string[], message: string, captures?: Record<string, string>): Query | null => {
    const words = normalize(message);
    const literals = normalize(surface.join(' ')).filter((w) => !/[*{]/.test(w)).length;
    if (judge.isPlainTrigger(words) || judge.gapMatches(words, literals, p.id).length > 0) return null;
    return { cls, message, expected: p.id, captures };
  };

  add('exact', () => {
    const p = random.pick(plain);
    return { cls: 'exact', message: phrase(p).join(' '), expected: p.id };
  });
  add('variant', () => {
    const p = random.pick(plain);
    const words = respell(random, phrase(p).join(' ')).split(' ');
    const cased = words.map((w, i) => (random.chance(0.2) ? w.toUpperCase() : i === 0 || random.chance(0.2) ? w[0]!.toUpperCase() + w.slice(1) : w));
    const message = cased.join(random.pick([' ', ' ', '  ', ', '])) + random.pick(['?', '??', '!', '.', '', ' :)', '?!']);
    return { cls: 'variant', message: random.chance(0.3) ? `  ${message} ` : message, expected: p.id };
  });
  add('wildcard', () => {
    const p = random.pick(wild);
    const surface = phrase(p);
    const words = surface.flatMap((w) => (w === '*' ? Array.from({ length: random.int(4) }, () => random.pick([...unseen, ...W.EXTRAS])) : [w]));
    return gapQuery('wildcard', p, surface, words.join(' '));
  });
  add('capture', () => {
    const p = random.pick(captured);
    const name = /\{(\w+)\}/.exec(p.trigger)![1]!;
    const pool = name === 'name' ? W.NAMES : name === 'city' ? W.CITIES.map((c) => c[0]!.toUpperCase() + c.slice(1)) : W.VALUES;
    const value = Array.from({ length: 1 + (random.chance(0.3) ? 1 : 0) }, () => random.pick(pool)).join(' ');
    const surface = phrase(p);
    return gapQuery('capture', p, surface, surface.map((w) => (w.startsWith('{') ? value : w)).join(' '), { [name]: value });
  });
  add('one typo', () => {
    const p = random.pick(plain);
    const words = normalize(phrase(p).join(' '));
    const at = random.pick(words.map((w, i) => (w.length >= 4 ? i : -1)).filter((i) => i >= 0).concat(-1));
    if (at < 0) return null;
    const original = words[at]!;
    let typo = makeTypo(random, original);
    if (original.length >= 8 && random.chance(0.5)) typo = makeTypo(random, typo);
    if (known.has(typo) || typo === original) return null; // a real word is not a typo
    words[at] = typo;
    // Ambiguous when the typo is as close to another known word that makes another trigger.
    const rivals = knownList.filter((k) => k !== original && withinTypoReach(k, typo));
    const otherTrigger = rivals.some((k) => judge.containedPlain(words.map((w, i) => (i === at ? k : w)), 1, p.id).length > 0);
    if (otherTrigger || judge.gapMatches(words).length > 0) return null;
    return { cls: 'one typo', message: words.join(' '), expected: p.id };
  });
  add('reordered/extra', () => {
    const p = random.pick(plain);
    const words = normalize(phrase(p).join(' '));
    const out = random.chance(0.7) ? reorder(random, words) : [...words];
    for (const extra of random.shuffle(W.EXTRAS).slice(0, random.chance(0.3) ? 0 : 1 + random.int(2))) {
      // Single words land anywhere; phrases like "can you" go at the start or the end.
      const at = extra.includes(' ') ? (random.chance(0.5) ? 0 : out.length) : random.int(out.length + 1);
      out.splice(at, 0, ...extra.split(' '));
    }
    if (out.join(' ') === words.join(' ')) return null;
    if (judge.containedPlain(out, words.length, p.id).length > 0 || judge.gapMatches(out).length > 0) return null;
    return { cls: 'reordered/extra', message: out.join(' '), expected: p.id };
  });
  add('word left out', () => {
    // A trigger with 3+ meaningful words asked without one ("what time does the bank open", without "on monday").
    const p = random.pick(plain);
    const words = normalize(phrase(p).join(' '));
    const meaningful = words.map((w, i) => (isMeaningful(w) ? i : -1)).filter((i) => i >= 0);
    if (new Set(meaningful.map((i) => words[i])).size < 3) return null;
    const at = random.pick(meaningful);
    // A last word goes with the little word before it ("on monday", "in paris").
    const from = at === words.length - 1 && at > 0 && !isMeaningful(words[at - 1]!) ? at - 1 : at;
    words.splice(from, at - from + 1);
    if (judge.isPlainTrigger(words) || judge.gapMatches(words).length > 0 || contentIndex.hasRival(words, p.id)) return null;
    return { cls: 'word left out', message: words.join(' '), expected: p.id };
  });
  add('no match', () => {
    const kind = random.int(3);
    let words: string[];
    if (kind === 0) {
      // An off-topic question with real words no trigger uses, and common ones it does.
      words = random.pick(OFF_TOPIC).replace(/<unseen>/g, () => random.pick(unseen)).split(' ');
    } else {
      // A near miss: a real trigger with its topic word swapped, for an unseen word or another known one.
      words = normalize(phrase(random.pick(plain)).join(' '));
      const slots = words.map((w, i) => (NOUNS.includes(w) ? i : -1)).filter((i) => i >= 0);
      if (slots.length === 0) return null;
      words[random.pick(slots)] = random.pick(kind === 1 ? unseen : NOUNS);
    }
    if (words.some(readsAsTypo) || judge.sameMeaning(words).length > 0 || judge.gapMatches(words).length > 0) return null;
    return { cls: 'no match', message: words.join(' '), expected: null };
  });
  add('common no-match', () => {
    const words = commonWords(random);
    if (judge.isPlainTrigger(words) || judge.sameMeaning(words).length > 0 || judge.gapMatches(words).length > 0) return null;
    return { cls: 'common no-match', message: words.join(' '), expected: null };
  });
  return { patterns, queries };
}

/** Writes contractions another way ("what's" → "whats", "what’s", "what is") and the other way round. */
function respell(random: Random, text: string): string {
  for (const [short, spellings] of SPELLINGS) {
    const long = spellings[3]!;
    if (text.includes(short)) return text.replace(short, random.pick(spellings));
    if (text.includes(long) && random.chance(0.5)) return text.replace(long, random.pick(spellings));
  }
  return text;
}

/** Natural reorderings: move the tail to the front ("my password, how do i reset"), or shuffle. */
function reorder(random: Random, words: string[]): string[] {
  if (random.chance(0.5)) return random.shuffle(words);
  const cut = 1 + random.int(words.length - 1);
  return [...words.slice(cut), ...words.slice(0, cut)];
}

const KEYBOARD = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
/** Letters next to a key on a QWERTY keyboard: most real substitutions hit one of these. */
function neighbourKey(random: Random, ch: string): string {
  const row = KEYBOARD.findIndex((r) => r.includes(ch));
  if (row < 0) return 'e';
  const at = KEYBOARD[row]!.indexOf(ch);
  const near = [KEYBOARD[row]![at - 1], KEYBOARD[row]![at + 1], KEYBOARD[row - 1]?.[at], KEYBOARD[row + 1]?.[at]].filter((c): c is string => !!c);
  return random.pick(near);
}

/** One realistic typo: a neighbouring key, a dropped letter, a doubled or stray key, or two letters swapped. */
function makeTypo(random: Random, word: string): string {
  const i = 1 + random.int(word.length - 1); // people rarely mistype the first letter
  const ch = word[i]!;
  switch (random.int(4)) {
    case 0: return word.slice(0, i) + neighbourKey(random, ch) + word.slice(i + 1);
    case 1: return word.slice(0, i) + word.slice(i + 1);
    case 2: return word.slice(0, i) + (random.chance(0.5) ? ch : neighbourKey(random, ch)) + word.slice(i);
    default: return i < word.length - 1 ? word.slice(0, i) + word[i + 1] + ch + word.slice(i + 2) : word.slice(0, i - 1) + ch + word[i - 1];
  }
}
