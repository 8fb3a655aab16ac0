/**
 * A map from a key (a word) to the items filed under it: the "posting lists" of a search engine.
 * Lookups cost the length of one list, never the number of items in the whole index.
 * Most keys hold a single item, which is stored as is instead of in a one-element list (less memory).
 * Items must not be arrays themselves.
 */
export class InvertedIndex<T extends object> {
  private readonly lists = new Map<string, T | T[]>();

  add(key: string, item: T): void {
    const filed = this.lists.get(key);
    if (filed === undefined) this.lists.set(key, item);
    else if (Array.isArray(filed)) filed.push(item);
    else this.lists.set(key, [filed, item]);
  }

  /** Order inside a list is not meaningful (results are ranked later), so removal swaps in the last item. */
  remove(key: string, item: T): void {
    const filed = this.lists.get(key);
    if (filed === item) this.lists.delete(key);
    if (!Array.isArray(filed)) return;
    const at = filed.indexOf(item);
    if (at === -1) return;
    filed[at] = filed[filed.length - 1]!;
    filed.pop();
    if (filed.length === 1) this.lists.set(key, filed[0]!);
  }

  get(key: string): readonly T[] {
    const filed = this.lists.get(key);
    return filed === undefined ? [] : Array.isArray(filed) ? filed : [filed];
  }
}
