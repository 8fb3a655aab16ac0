import { PatternEngine, type Pattern, type PatternInput, type Reply } from '@journey/llm-core';
import { StoreError, type PatternStore } from '../src/store';

/** The smallest real PatternStore: patterns in an array, the real engine answering. */
export class MemoryStore implements PatternStore {
  patterns: Pattern[] = [];
  /** Set to make the next call fail the way a server error would. */
  failWith: StoreError | null = null;
  private nextId = 1;
  private clock = 0;

  constructor(initial: PatternInput[] = []) {
    initial.forEach((input) => this.patterns.push({ id: `p${this.nextId++}`, ...input, updatedAt: this.now() }));
  }
  async list() {
    this.maybeFail();
    return [...this.patterns];
  }
  async add(input: PatternInput) {
    this.maybeFail();
    const overlaps = this.engine().overlaps(input.trigger);
    const pattern = { id: `p${this.nextId++}`, ...input, updatedAt: this.now() };
    this.patterns.push(pattern);
    return { pattern, overlaps };
  }
  async update(id: string, changes: Partial<PatternInput>) {
    this.maybeFail();
    const index = this.patterns.findIndex((p) => p.id === id);
    if (index < 0) throw new StoreError('That pattern no longer exists.', 'not_found');
    const updated = { ...this.patterns[index]!, ...changes, updatedAt: this.now() };
    const overlaps = this.engine().overlaps(updated.trigger, id);
    this.patterns[index] = updated;
    return { pattern: updated, overlaps };
  }
  async remove(id: string) {
    this.maybeFail();
    this.patterns = this.patterns.filter((p) => p.id !== id);
  }
  async chat(message: string): Promise<Reply> {
    this.maybeFail();
    return this.engine().reply(message);
  }
  private engine() {
    return new PatternEngine(this.patterns, { fallback: 'No idea.' });
  }
  /** Times one millisecond apart, so the newest pattern is always the latest taught. */
  private now() {
    return new Date(Date.UTC(2025, 0, 1) + ++this.clock).toISOString();
  }
  private maybeFail() {
    if (this.failWith) throw this.failWith;
  }
}
