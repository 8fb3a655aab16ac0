/**
 * A map from a key (a word) to the items filed under it: the "posting lists" of a search engine.
 * Lookups cost the length of one list, never the number of items in the whole index.
 * Each item may carry a number (a tag) kept in a parallel array, so a search can skip items by their
 * tag while reading one compact array, without touching the items themselves (see PatternEngine).
 */
interface Postings<T> {
  readonly items: readonly T[];
  readonly tags: readonly number[];
}

export class InvertedIndex<T> {
  private readonly lists = new Map<string, { items: T[]; tags: number[] }>();

  add(key: string, item: T, tag = 0): void {
    const filed = this.lists.get(key);
    if (!filed) this.lists.set(key, { items: [item], tags: [tag] });
    else {
      filed.items.push(item);
      filed.tags.push(tag);
    }
  }

  /** Order inside a list is not meaningful (results are ranked later), so removal moves the last item in. */
  remove(key: string, item: T): void {
    const filed = this.lists.get(key);
    const at = filed ? filed.items.indexOf(item) : -1;
    if (!filed || at === -1) return;
    filed.items[at] = filed.items[filed.items.length - 1]!;
    filed.tags[at] = filed.tags[filed.tags.length - 1]!;
    filed.items.pop();
    filed.tags.pop();
    if (filed.items.length === 0) this.lists.delete(key);
  }

  get(key: string): Postings<T> {
    return this.lists.get(key) ?? NONE;
  }
}

const NONE: Postings<never> = { items: [], tags: [] };
