import { glob } from './gap-oracle';

/**
 * Decides, independently of the engine, whether a generated query has exactly one right answer.
 * It knows every phrasing of every trigger (normalized words, with `*` and `{x}` gaps) and answers
 * simple set questions; queries it finds ambiguous are left out of the labelled set.
 */
export interface Phrasing {
  id: string;
  /** Normalized words, `*` and `{x}`. */
  elements: string[];
}

/** Words too common to carry a question's meaning (the judge's own list, not the engine's). */
const STOP = new Set(
  ('a an the i me my you your it is are am was be do does did can could will would to of in on at for with ' +
    'about and or not no what when where who why how which this that there please um uh hey so ok hi well hmm thanks quick question').split(' '),
);
/** A word that carries some of a question's meaning (by the judge's own list). */
export const isMeaningful = (word: string) => !STOP.has(word);
const isGap = (el: string) => el === '*' || el.startsWith('{');
const literals = (p: Phrasing) => p.elements.filter((el) => !isGap(el));

export class QueryJudge {
  /** Each phrasing is filed under its rarest word: a message holding all its words holds that one. */
  private readonly plainByWord = new Map<string, Phrasing[]>();
  private readonly gapByWord = new Map<string, Phrasing[]>();
  /** Filed under the rarest meaningful word (or '' when it has none). */
  private readonly meaningByWord = new Map<string, Phrasing[]>();
  private readonly plainKeys = new Set<string>();

  constructor(phrasings: readonly Phrasing[]) {
    const count = new Map<string, number>();
    for (const p of phrasings) for (const w of literals(p)) count.set(w, (count.get(w) ?? 0) + 1);
    const rarest = (words: string[]) => words.reduce((a, b) => (count.get(b)! < count.get(a)! ? b : a), words[0] ?? '');
    const file = (index: Map<string, Phrasing[]>, key: string, p: Phrasing) => index.set(key, [...(index.get(key) ?? []), p]);
    for (const p of phrasings) {
      const words = literals(p);
      if (words.length !== p.elements.length) {
        file(this.gapByWord, rarest(words), p);
        continue;
      }
      this.plainKeys.add(words.join(' '));
      file(this.plainByWord, rarest(words), p);
      file(this.meaningByWord, rarest(words.filter((w) => !STOP.has(w))), p);
    }
  }

  /** Some plain trigger reads exactly like these words. */
  isPlainTrigger(words: readonly string[]): boolean {
    return this.plainKeys.has(words.join(' '));
  }

  /** Gap triggers (other than `except`) that match the words, with at least `minLiterals` literal words. */
  gapMatches(words: readonly string[], minLiterals = 0, except?: string): Phrasing[] {
    return candidates(this.gapByWord, words, except).filter((p) => literals(p).length >= minLiterals && glob(p.elements, words));
  }

  /** Plain triggers (other than `except`) whose every word is in the message, and at least `minWords` of them. */
  containedPlain(words: readonly string[], minWords: number, except?: string): Phrasing[] {
    return candidates(this.plainByWord, words, except).filter((p) => p.elements.length >= minWords && isSubBag(p.elements, words));
  }

  /** Plain triggers whose meaningful words (stop words aside) are all in the message: it asks what they ask. */
  sameMeaning(words: readonly string[], except?: string): Phrasing[] {
    return candidates(this.meaningByWord, ['', ...words], except).filter((p) => isSubBag(p.elements.filter((w) => !STOP.has(w)), words));
  }
}

function candidates(index: Map<string, Phrasing[]>, words: readonly string[], except?: string): Phrasing[] {
  return [...new Set(words)].flatMap((w) => index.get(w) ?? []).filter((p) => p.id !== except);
}

function isSubBag(part: readonly string[], whole: readonly string[]): boolean {
  const left = [...whole];
  return part.every((w) => {
    const at = left.indexOf(w);
    if (at === -1) return false;
    left.splice(at, 1);
    return true;
  });
}

/** Optimal string alignment distance (insert, delete, substitute, swap neighbours), written plainly. */
export function osaDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** The spec's typo allowance: 2 in words of 8+ letters, 1 in 4+, a swap in 3-letter words. */
export function withinTypoReach(known: string, typed: string): boolean {
  if (known === typed) return false;
  const allowed = known.length >= 8 ? 2 : known.length >= 3 ? 1 : 0;
  const d = osaDistance(known, typed);
  if (known.length === 3) return d === 1 && typed.length === 3 && [...known].sort().join('') === [...typed].sort().join('');
  return d <= allowed;
}
