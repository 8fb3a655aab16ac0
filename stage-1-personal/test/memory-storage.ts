/** A Storage backed by a Map; `full` makes every write fail the way a browser does. */
export class TestStorage implements Storage {
  private items = new Map<string, string>();
  full = false;

  get length() {
    return this.items.size;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.full) throw new DOMException("Failed to execute 'setItem' on 'Storage'.", 'QuotaExceededError');
    this.items.set(key, String(value));
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  clear() {
    this.items.clear();
  }
}
