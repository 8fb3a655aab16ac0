/**
 * Typo tolerance with a deletion index (the SymSpell idea): two words within k edits share a string
 * obtained by deleting at most k letters from each. So each known word is filed under its deletion
 * variants once, and a message word finds its neighbours with a few map lookups instead of a scan.
 */

/**
 * Only the first letters of a word are filed (SymSpell's prefix trick): the index stays small for long
 * words, and a typo further in still leaves the prefixes within reach of each other.
 */
const PREFIX = 7;

/** Typos tolerated in a word of this length: 2 from 8 letters, 1 from 4, and a swap of two letters in 3 ("teh"). */
export function maxTypos(word: string): number {
  return word.length >= 8 ? 2 : word.length >= 3 ? 1 : 0;
}

/** Similarity credited to a word typed with this many typos. */
export function typoSimilarity(distance: number): number {
  return distance === 0 ? 1 : distance === 1 ? 0.9 : 0.8;
}

/**
 * Edit distance counting insertions, deletions, substitutions and swaps of neighbours (optimal string
 * alignment). Gives up early: anything above `max` is reported as max + 1. Only the diagonal band
 * |i - j| ≤ max can stay within `max`, so only it is computed: O(max × length), no allocation.
 */
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

export function editDistance(a: string, b: string, max: number): number {
  const over = max + 1;
  if (Math.abs(a.length - b.length) > max) return over;
  if (rows[0]!.length <= b.length + 1) rows = rows.map(() => new Int32Array(b.length + 2));
  let [prevPrev, prev, row] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= b.length + 1; j++) prev[j] = j <= max ? j : over;
  for (let i = 1; i <= a.length; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(b.length, i + max);
    row[lo - 1] = lo === 1 && i <= max ? i : over; // left of the band
    let rowMin = row[lo - 1]!;
    for (let j = lo; j <= hi; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prevPrev[j - 2]! + 1);
      row[j] = Math.min(d, over);
      if (d < rowMin) rowMin = d;
    }
    row[hi + 1] = over; // right of the band
    if (rowMin > max) return over;
    [prevPrev, prev, row] = [prev, row, prevPrev];
  }
  return Math.min(prev[b.length]!, over);
}

/**
 * Calls `visit` with a hash of every string made by deleting up to `depth` (0-2) characters of the
 * word's prefix, and the number deleted (a string may come up more than once). Hashes instead of the
 * strings themselves: no substrings to allocate, and a hash collision only costs one wasted distance
 * check, since every candidate is verified with editDistance.
 */
export function forEachDeletion(word: string, depth: number, visit: (hash: number, deleted: number) => void): void {
  const prefix = word.slice(0, PREFIX);
  visit(hashWithout(prefix, -1, -1), 0);
  for (let i = 0; depth > 0 && i < prefix.length; i++) {
    visit(hashWithout(prefix, i, -1), 1);
    for (let j = i + 1; depth > 1 && j < prefix.length; j++) visit(hashWithout(prefix, i, j), 2);
  }
}

/** FNV-1a of `text` with the characters at positions i and j left out. */
function hashWithout(text: string, i: number, j: number): number {
  let hash = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) {
    if (k === i || k === j) continue;
    hash ^= text.charCodeAt(k);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 2; // small non-negative integers make the fastest Map keys
}

/** Does `typed` count as `known` with a typo? 3-letter words only forgive a swap ("teh" → "the"). */
export function typoDistance(known: string, typed: string): number | null {
  const allowed = maxTypos(known);
  if (allowed === 0 || known === typed) return null;
  const d = editDistance(known, typed, allowed);
  if (d > allowed) return null;
  if (known.length === 3 && (typed.length !== 3 || [...known].sort().join('') !== [...typed].sort().join(''))) return null;
  return d;
}

export interface Neighbour {
  word: string;
  distance: number;
}

/**
 * Known words filed under their deletion variants; `add`/`remove` keep it current word by word.
 * Most variants belong to one word only, so a single word is stored as is, several as a list.
 */
export class TypoIndex {
  private readonly byDeletion = new Map<number, string | string[]>();

  add(word: string): void {
    forEachDeletion(word, maxTypos(word), (key) => {
      const filed = this.byDeletion.get(key);
      if (filed === undefined) this.byDeletion.set(key, word);
      else if (filed === word || (Array.isArray(filed) && filed.includes(word))) return; // one key can come up twice
      else if (typeof filed === 'string') this.byDeletion.set(key, [filed, word]);
      else filed.push(word);
    });
  }

  remove(word: string): void {
    forEachDeletion(word, maxTypos(word), (key) => {
      const filed = this.byDeletion.get(key);
      if (filed === word) this.byDeletion.delete(key);
      else if (Array.isArray(filed)) {
        const rest = filed.filter((w) => w !== word);
        this.byDeletion.set(key, rest.length === 1 ? rest[0]! : rest);
      }
    });
  }

  /** Known words (other than `typed` itself) that `typed` could be a typo of. */
  neighbours(typed: string): Neighbour[] {
    // A known word of 8+ letters may have lost 2 letters, so search 2 deep from 6 letters on.
    const depth = typed.length >= 6 ? 2 : typed.length >= 2 ? 1 : 0;
    const seen = new Set<string>();
    const found: Neighbour[] = [];
    const typedPrefix = Math.min(typed.length, PREFIX);
    const check = (word: string, deleted: number) => {
      // Letters deleted on both sides to meet: each typo accounts for at most two, so more is no neighbour.
      const deletedFromWord = Math.min(word.length, PREFIX) - (typedPrefix - deleted);
      if (seen.has(word) || deleted + deletedFromWord > 2 * maxTypos(word)) return;
      seen.add(word);
      const distance = typoDistance(word, typed);
      if (distance !== null) found.push({ word, distance });
    };
    forEachDeletion(typed, depth, (key, deleted) => {
      const filed = this.byDeletion.get(key);
      if (typeof filed === 'string') check(filed, deleted);
      else if (filed) for (const word of filed) check(word, deleted);
    });
    return found;
  }
}
