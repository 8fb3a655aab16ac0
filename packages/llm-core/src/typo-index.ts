import { forEachDeletion, maxTypos, PREFIX, typoDistance } from './typos';

export interface Neighbour {
  word: string;
  distance: number;
}

const EMPTY = -1;

/**
 * Finds known words near a typed one with a deletion index (the SymSpell idea): two words within k
 * edits meet after deleting at most k letters from each. So each known word is filed under (the hashes
 * of) its deletion variants once, and a typed word finds its neighbours with a few lookups, not a scan.
 *
 * At 100k patterns that is ~700,000 variants, so they live in an open-addressing hash table made of
 * typed arrays instead of a Map of lists: no object per entry, which makes building several times
 * faster and lookups cache-friendly. A slot holds one hash and the head of a chain of entries
 * (word id, next entry); each pair sits side by side in one array, so a lookup touches one cache line.
 */
export class TypoIndex {
  private readonly words: string[] = []; // word id → word
  private readonly lengths: number[] = []; // word id → its length: a small array, read before the word itself
  private readonly ids = new Map<string, number>();
  private readonly freeIds: number[] = [];
  /** Slot i: [2i] = hash (EMPTY if unused), [2i + 1] = first entry of its chain. */
  private slots = new Int32Array(2 << 12).fill(EMPTY);
  private usedSlots = 0;
  /**
   * One bit per possible hash (its low bits), 16 times smaller than `slots`, so it stays in the CPU cache:
   * most lookups are for variants no known word has, and a clear bit answers them without touching `slots`.
   */
  private maybe = new Int32Array((2 << 12) / 16);
  /** Entry e: [2e] = word id, [2e + 1] = next entry of the same chain. */
  private entries = new Int32Array(2 << 12);
  private entryCount = 0;
  private freeEntry = EMPTY; // removed entries, chained through their "next", are reused first

  add(word: string): void {
    if (this.ids.has(word)) return;
    const id = this.freeIds.pop() ?? this.words.length;
    this.words[id] = word;
    this.lengths[id] = word.length;
    this.ids.set(word, id);
    const filed: number[] = []; // deleting either of two equal letters gives the same variant: file it once
    forEachDeletion(word, maxTypos(word.length), (hash) => {
      if (filed.includes(hash)) return;
      filed.push(hash);
      const head = this.slotFor(hash, true) + 1;
      const entry = this.newEntry();
      this.entries[entry] = id;
      this.entries[entry + 1] = this.slots[head]!;
      this.slots[head] = entry;
    });
  }

  remove(word: string): void {
    const id = this.ids.get(word);
    if (id === undefined) return;
    forEachDeletion(word, maxTypos(word.length), (hash) => {
      const slot = this.slotFor(hash, false);
      if (slot === EMPTY) return;
      for (let prev = EMPTY, e = this.slots[slot + 1]!; e !== EMPTY; prev = e, e = this.entries[e + 1]!) {
        if (this.entries[e] !== id) continue;
        // Unlink the entry: whatever pointed at it (the slot or the previous entry) now skips it.
        if (prev === EMPTY) this.slots[slot + 1] = this.entries[e + 1]!;
        else this.entries[prev + 1] = this.entries[e + 1]!;
        this.entries[e + 1] = this.freeEntry;
        this.freeEntry = e;
        return;
      }
    });
    this.ids.delete(word);
    this.freeIds.push(id);
  }

  /** Known words (other than `typed` itself) that `typed` could be a typo of. */
  neighbours(typed: string): Neighbour[] {
    // Two typos are only forgiven in words of 8+ letters, whose first 7 letters are filed: a typed word
    // needs 2 deletions to meet one of them only when it has 7+ letters itself.
    const depth = typed.length >= 7 ? 2 : typed.length >= 2 ? 1 : 0;
    const checked: number[] = []; // a handful of ids: a list is cheaper than a Set
    const found: Neighbour[] = [];
    const typedPrefix = Math.min(typed.length, PREFIX);
    forEachDeletion(typed, depth, (hash, deleted) => {
      const slot = this.slotFor(hash, false);
      for (let e = slot === EMPTY ? EMPTY : this.slots[slot + 1]!; e !== EMPTY; e = this.entries[e + 1]!) {
        const id = this.entries[e]!;
        const length = this.lengths[id]!;
        // Within k typos, the two words meet after deleting at most k letters from each: skip the others.
        const deletedFromWord = Math.min(length, PREFIX) - (typedPrefix - deleted);
        const allowed = maxTypos(length);
        if (deleted > allowed || deletedFromWord > allowed || Math.abs(length - typed.length) > allowed || checked.includes(id)) continue;
        checked.push(id);
        const word = this.words[id]!;
        const distance = typoDistance(word, typed);
        if (distance !== null) found.push({ word, distance });
      }
    });
    return found;
  }

  /** The slot holding `hash` (linear probing); a new slot when `create`, else EMPTY if it is not there. */
  private slotFor(hash: number, create: boolean): number {
    if (create && this.usedSlots * 4 >= this.slots.length) this.growSlots(); // at most half full
    const bit = hash & (this.maybe.length * 32 - 1);
    if (!create && (this.maybe[bit >>> 5]! & (1 << (bit & 31))) === 0) return EMPTY;
    const mask = this.slots.length - 2;
    let slot = (hash * 2) & mask;
    while (this.slots[slot] !== hash) {
      if (this.slots[slot] === EMPTY) {
        if (!create) return EMPTY;
        this.slots[slot] = hash;
        this.usedSlots++;
        this.maybe[bit >>> 5]! |= 1 << (bit & 31);
        return slot;
      }
      slot = (slot + 2) & mask;
    }
    return slot;
  }

  private growSlots(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2).fill(EMPTY);
    this.maybe = new Int32Array(this.slots.length / 16);
    this.usedSlots = 0;
    for (let i = 0; i < old.length; i += 2) {
      if (old[i] !== EMPTY) this.slots[this.slotFor(old[i]!, true) + 1] = old[i + 1]!;
    }
  }

  private newEntry(): number {
    if (this.freeEntry !== EMPTY) {
      const entry = this.freeEntry;
      this.freeEntry = this.entries[entry + 1]!;
      return entry;
    }
    if (this.entryCount * 2 === this.entries.length) {
      const bigger = new Int32Array(this.entries.length * 2);
      bigger.set(this.entries);
      this.entries = bigger;
    }
    return 2 * this.entryCount++;
  }
}
