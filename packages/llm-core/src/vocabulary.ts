import { TypoIndex, type Neighbour } from './typo-index';
import { FUNCTION_WORDS } from './word-lists';

/**
 * Every word the taught triggers use, with its document frequency (how many patterns use it).
 * Rare words weigh more when scoring (BM25's idf); the typo index finds known words near a typed one.
 */
export class Vocabulary {
  /** Word → number of patterns using it, in a mutable box (counting is one lookup) that also keeps the word. */
  private readonly counts = new Map<string, { n: number; word: string }>();
  private readonly typos = new TypoIndex();
  private documents = 0;
  /** Changes whenever a pattern is added or removed, so cached weights know when they are stale. */
  version = 0;

  /** Registers the distinct words of one pattern. */
  addDocument(words: readonly string[]): void {
    this.documents++;
    this.version++;
    for (const word of words) {
      const count = this.counts.get(word);
      if (count) count.n++;
      else {
        this.counts.set(word, { n: 1, word });
        this.typos.add(word);
      }
    }
  }

  removeDocument(words: readonly string[]): void {
    this.documents--;
    this.version++;
    for (const word of words) {
      const count = this.counts.get(word);
      if (count && --count.n === 0) {
        this.counts.delete(word);
        this.typos.remove(word);
      }
    }
  }

  frequency(word: string): number {
    return this.counts.get(word)?.n ?? 0;
  }

  /**
   * BM25 inverse document frequency: always positive, large for rare words, small for common ones.
   * Counts are smoothed with 100 imagined patterns in which each function word ("of", "is") occurs
   * 30 times: a small brain, where every word is rare, still cares more about "capital" than "of",
   * while a large one is ruled by its real counts.
   */
  weight(word: string): number {
    const df = this.frequency(word) + (FUNCTION_WORDS.has(word) ? 30 : 0);
    const n = this.documents + 100;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** The vocabulary's own instance of a known word (see compilePattern); the word itself otherwise. */
  intern = (word: string): string => this.counts.get(word)?.word ?? word;

  has(word: string): boolean {
    return this.counts.has(word);
  }

  neighbours(typed: string): Neighbour[] {
    return this.typos.neighbours(typed);
  }
}
