/**
 * Typo tolerance, the word-level rules: how many typos a word may have, edit distance, and the
 * deletion variants the typo index (typo-index.ts) files known words under.
 */

/**
 * Only the first letters of a word are filed (SymSpell's prefix trick): the index stays small for long
 * words, and a typo further in still leaves the prefixes within reach of each other.
 */
export const PREFIX = 7;

/** Typos tolerated in a word of this length: 2 from 8 letters, 1 from 4, and a swap of two letters in 3 ("teh"). */
export function maxTypos(length: number): number {
  return length >= 8 ? 2 : length >= 3 ? 1 : 0;
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
  if (a === b) return 0;
  if (max === 1) return withinOneEdit(a, b) ? 1 : 2; // most words: a linear check is enough
  // Letters the words share at the start and at the end cost nothing: only the middles are compared.
  let from = 0;
  while (from < a.length && from < b.length && a.charCodeAt(from) === b.charCodeAt(from)) from++;
  let end = 0;
  while (end < a.length - from && end < b.length - from && a.charCodeAt(a.length - 1 - end) === b.charCodeAt(b.length - 1 - end)) end++;
  const n = a.length - from - end; // a's middle is a[from + 0 .. from + n)
  const m = b.length - from - end;
  if (n === 0 || m === 0) return Math.min(n + m, over);
  if (rows[0]!.length <= m + 1) rows = rows.map(() => new Int32Array(m + 2));
  let [prevPrev, prev, row] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= m + 1; j++) prev[j] = j <= max ? j : over;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(m, i + max);
    row[lo - 1] = lo === 1 && i <= max ? i : over; // left of the band
    let rowMin = row[lo - 1]!;
    const ai = a.charCodeAt(from + i - 1);
    const aBefore = a.charCodeAt(from + i - 2);
    for (let j = lo; j <= hi; j++) {
      const bj = b.charCodeAt(from + j - 1);
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(from + j - 2) && aBefore === bj) d = Math.min(d, prevPrev[j - 2]! + 1);
      row[j] = Math.min(d, over);
      if (d < rowMin) rowMin = d;
    }
    row[hi + 1] = over; // right of the band
    if (rowMin > max) return over;
    const free = prevPrev; // rotate the three rows without allocating
    prevPrev = prev;
    prev = row;
    row = free;
  }
  return Math.min(prev[m]!, over);
}

/** Are two different strings one insertion, deletion, substitution or swap of neighbours apart? */
function withinOneEdit(a: string, b: string): boolean {
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (a.length > b.length) return sameFrom(a, i + 1, b, i); // a letter dropped
  if (a.length < b.length) return sameFrom(a, i, b, i + 1); // a letter added
  if (sameFrom(a, i + 1, b, i + 1)) return true; // a letter replaced
  return a[i] === b[i + 1] && a[i + 1] === b[i] && sameFrom(a, i + 2, b, i + 2); // two letters swapped
}

/** Do `a` from `i` and `b` from `j` read the same to their ends? */
function sameFrom(a: string, i: number, b: string, j: number): boolean {
  if (a.length - i !== b.length - j) return false;
  for (; i < a.length; i++, j++) if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
  return true;
}

/**
 * Calls `visit` with a hash of every string made by deleting up to `depth` (0-2) characters of the
 * word's prefix, and the number deleted (a string may come up more than once). Hashes instead of the
 * strings themselves: no substrings to allocate, and a hash collision only costs one wasted distance
 * check, since every candidate is verified with editDistance.
 */
export function forEachDeletion(word: string, depth: number, visit: (hash: number, deleted: number) => void): void {
  const n = Math.min(word.length, PREFIX);
  visit(fnv(FNV_START, word, 0, n) >>> 2, 0); // >>> 2: non-negative, so -1 can mark an empty slot in the typo index
  // FNV-1a reads left to right, so the hash of the letters before a deletion is computed once and continued.
  let head = FNV_START; // the letters before i
  for (let i = 0; depth > 0 && i < n; i++) {
    visit(fnv(head, word, i + 1, n) >>> 2, 1);
    let middle = head; // the letters before j, without i
    for (let j = i + 1; depth > 1 && j < n; j++) {
      visit(fnv(middle, word, j + 1, n) >>> 2, 2);
      middle = fnv(middle, word, j, j + 1);
    }
    head = fnv(head, word, i, i + 1);
  }
}

const FNV_START = 0x811c9dc5;

/** Continues an FNV-1a hash over text[from, to). */
function fnv(hash: number, text: string, from: number, to: number): number {
  for (let k = from; k < to; k++) hash = Math.imul(hash ^ text.charCodeAt(k), 0x01000193);
  return hash;
}

/** Does `typed` count as `known` with a typo? 3-letter words only forgive a swap ("teh" → "the"). */
export function typoDistance(known: string, typed: string): number | null {
  const allowed = maxTypos(known.length);
  if (allowed === 0 || known === typed) return null;
  const d = editDistance(known, typed, allowed);
  if (d > allowed) return null;
  if (known.length === 3 && !isSwap(known, typed)) return null;
  return d;
}

/** `typed` is `known` with two neighbouring letters swapped ("teh" for "the"). */
function isSwap(known: string, typed: string): boolean {
  if (known.length !== typed.length) return false;
  let i = 0;
  while (known[i] === typed[i]) i++;
  return known[i] === typed[i + 1] && known[i + 1] === typed[i] && known.slice(i + 2) === typed.slice(i + 2);
}
