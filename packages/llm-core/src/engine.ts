import { compilePattern, type CompiledPattern, type Variant } from './compile';
import { chooseAnchors, matchLoosely, scoreBag } from './fuzzy';
import { InvertedIndex } from './inverted-index';
import { captureTexts, readFuzzy, readMessage, type Message } from './message';
import { fillCaptures, pickAlternative, splitResponse } from './respond';
import { isBetter, patternConfidence, type Scored } from './scoring';
import { matchSequence } from './sequence-match';
import type { Pattern, Reply } from './types';
import { Vocabulary } from './vocabulary';

export interface EngineOptions {
  /** What to answer when nothing matches well enough; may hold `||` alternatives. */
  fallback?: string;
  /** Replies with a lower confidence than this (0..1) give the fallback instead. */
  threshold?: number;
}

export const DEFAULT_FALLBACK = "I don't know that one yet. Teach me?";
export const DEFAULT_THRESHOLD = 0.7;

/** What `toJSON` returns and `fromJSON` reads: the patterns and options, not the derived indexes. */
export interface EngineSnapshot {
  format: 'llm-core-engine';
  version: 1;
  options: Required<EngineOptions>;
  patterns: Pattern[];
}

/**
 * The chatbot's brain. Three tiers answer in turn: exact (normalized words equal), pattern
 * (`*` / `{name}` / `(a|b)` / `[optional]`), then fuzzy (typos, word order, fillers, rarity-weighted).
 * Every tier starts from an index lookup keyed by the message's words, so a reply costs about the
 * same with 100 patterns or 100,000.
 */
export class PatternEngine {
  readonly fallback: string;
  readonly threshold: number;
  private readonly fallbacks: string[];
  private readonly compiled = new Map<string, CompiledPattern>();
  private readonly vocabulary = new Vocabulary();
  /** Normalized phrase → phrasings without gaps. */
  private readonly exact = new InvertedIndex<Variant>();
  /** One of its words → phrasings with gaps (a match needs all their words, so one is enough). */
  private readonly withGaps = new InvertedIndex<Variant>();
  /** Phrasings that are only gaps, such as "*": they could match any message. */
  private readonly catchAll = new Set<Variant>();
  /** Anchor words → phrasings without gaps, for the fuzzy tier (see chooseAnchors). */
  private readonly fuzzy = new InvertedIndex<Variant>();
  /** Counts searches, so a phrasing filed under several words is scored once per search (see firstVisit). */
  private searches = 0;

  constructor(patterns: readonly Pattern[] = [], options: EngineOptions = {}) {
    this.fallback = options.fallback ?? DEFAULT_FALLBACK;
    this.threshold = options.threshold ?? DEFAULT_THRESHOLD;
    this.fallbacks = splitResponse(this.fallback);
    if (!(this.threshold >= 0 && this.threshold <= 1)) throw new RangeError('threshold must be between 0 and 1');
    // Count every word first, so anchors are picked with the final word frequencies.
    const byId = new Map<string, CompiledPattern>();
    for (const p of patterns) {
      const compiled = compilePattern(p, this.vocabulary.intern);
      const earlier = byId.get(p.id); // a later pattern with the same id replaces it
      if (earlier) this.vocabulary.removeDocument(earlier.words);
      this.vocabulary.addDocument(compiled.words);
      byId.set(p.id, compiled);
    }
    for (const c of byId.values()) this.index(c);
  }

  get size(): number {
    return this.compiled.size;
  }

  /** Teaches a pattern; a pattern with the same id is replaced. Throws InputTooLongError / TriggerTooComplexError. */
  add(pattern: Pattern): void {
    const compiled = compilePattern(pattern, this.vocabulary.intern);
    this.remove(pattern.id);
    this.vocabulary.addDocument(compiled.words);
    this.index(compiled);
  }

  remove(id: string): void {
    const compiled = this.compiled.get(id);
    if (!compiled) return;
    for (const variant of compiled.variants) {
      if (variant.gaps === 0) this.exact.remove(variant.key, variant);
      this.catchAll.delete(variant);
      const index = variant.gaps === 0 ? this.fuzzy : this.withGaps;
      for (const word of variant.indexedUnder) index.remove(word, variant);
    }
    this.vocabulary.removeDocument(compiled.words);
    this.compiled.delete(id);
  }

  /** Answers a message. Throws InputTooLongError past LIMITS.message. */
  reply(message: string): Reply {
    const msg = readMessage(message);
    if (msg.words.length === 0) return this.noAnswer(msg);
    const sure = this.matchExact(msg) ?? this.matchPattern(msg);
    if (sure && sure.confidence >= this.threshold) return this.answer(sure, msg);
    const fuzzy = this.matchFuzzy(msg);
    return fuzzy && fuzzy.confidence >= this.threshold ? this.answer(fuzzy, msg) : this.noAnswer(msg);
  }

  toJSON(): EngineSnapshot {
    return {
      format: 'llm-core-engine',
      version: 1,
      options: { fallback: this.fallback, threshold: this.threshold },
      patterns: [...this.compiled.values()].map((c) => ({ ...c.pattern })),
    };
  }

  static fromJSON(snapshot: EngineSnapshot | string): PatternEngine {
    const data = (typeof snapshot === 'string' ? JSON.parse(snapshot) : snapshot) as Partial<EngineSnapshot>;
    if (data?.format !== 'llm-core-engine' || data.version !== 1 || !Array.isArray(data.patterns)) {
      throw new TypeError('Not an llm-core engine snapshot (format "llm-core-engine", version 1).');
    }
    return new PatternEngine(data.patterns, data.options ?? {});
  }

  private index(compiled: CompiledPattern): void {
    this.compiled.set(compiled.pattern.id, compiled);
    for (const variant of compiled.variants) {
      if (variant.gaps === 0) {
        this.exact.add(variant.key, variant);
        this.indexUnder(this.fuzzy, variant, chooseAnchors(variant, this.vocabulary), variant.mustHaveBits);
      } else if (variant.words.length === 0) {
        this.catchAll.add(variant);
      } else {
        this.indexUnder(this.withGaps, variant, [this.rarest(variant.terms)], variant.contentBits);
      }
    }
  }

  /** Files a phrasing under words, tagged with the word bits a message must have for it to be worth a look. */
  private indexUnder(index: InvertedIndex<Variant>, variant: Variant, words: string[], bits: number): void {
    for (const word of words) index.add(word, variant, bits);
    variant.indexedUnder = words;
  }

  private rarest(words: readonly string[]): string {
    return words.reduce((best, w) => {
      const diff = this.vocabulary.frequency(w) - this.vocabulary.frequency(best);
      return diff < 0 || (diff === 0 && (w.length > best.length || (w.length === best.length && w < best))) ? w : best;
    });
  }

  private matchExact(msg: Message): Scored | null {
    let best: Scored | null = null;
    for (const variant of this.exact.get(msg.key).items) {
      const scored = { variant, confidence: 1, captures: {} };
      if (isBetter(scored, best)) best = scored;
    }
    return best;
  }

  /** True the first time a phrasing comes up in this search: it carries the stamp of the last search that saw it. */
  private firstVisit(variant: Variant): boolean {
    if (variant.visited === this.searches) return false;
    variant.visited = this.searches;
    return true;
  }

  private matchPattern(msg: Message): Scored | null {
    this.searches++;
    let best: Scored | null = null;
    for (const variant of this.catchAll) best = this.matchGaps(variant, msg, best);
    for (const word of msg.words) {
      const { items, tags } = this.withGaps.get(word);
      for (let i = 0; i < items.length; i++) if ((tags[i]! & ~msg.bits) === 0) best = this.matchGaps(items[i]!, msg, best);
    }
    return best;
  }

  /** The better of `best` and `variant` matched exactly against the message. */
  private matchGaps(variant: Variant, msg: Message, best: Scored | null): Scored | null {
    // Cheap checks first: a word whose bit the message lacks, then every word.
    if (!this.firstVisit(variant) || (variant.wordBits & ~msg.bits) !== 0 || !variant.words.every((w) => msg.present.has(w))) return best;
    const match = matchSequence(variant.elements, msg.words, (a, b) => (a === b ? 1 : 0));
    if (!match) return best;
    const confidence = patternConfidence(variant.words.length, msg.words.length);
    const scored = { variant, confidence, captures: captureTexts(msg.text, msg.tokens, match.captures) };
    return isBetter(scored, best) ? scored : best;
  }

  private matchFuzzy(msg: Message): Scored | null {
    this.searches++;
    const view = readFuzzy(msg, this.vocabulary);
    let best: Scored | null = null;
    // Most candidates lack a word they need: their tags (word bits) tell, without reading the candidates.
    for (const known of view.covers.keys()) {
      const bags = this.fuzzy.get(known);
      for (let i = 0; i < bags.items.length; i++) {
        if ((bags.tags[i]! & ~view.coveredBits) !== 0 || !this.firstVisit(bags.items[i]!)) continue;
        const scored = scoreBag(bags.items[i]!, view, this.vocabulary);
        if (scored && isBetter(scored, best)) best = scored;
      }
      const gapped = this.withGaps.get(known);
      for (let i = 0; i < gapped.items.length; i++) {
        if ((gapped.tags[i]! & ~view.coveredBits) !== 0 || !this.firstVisit(gapped.items[i]!)) continue;
        const scored = matchLoosely(gapped.items[i]!, view, msg.text);
        if (scored && isBetter(scored, best)) best = scored;
      }
    }
    return best;
  }

  private answer(best: Scored, msg: Message): Reply {
    const template = pickAlternative(best.variant.owner.responses, msg.key);
    return {
      text: fillCaptures(template, best.captures),
      patternId: best.variant.owner.pattern.id,
      confidence: Math.round(best.confidence * 1000) / 1000,
      captures: best.captures,
    };
  }

  private noAnswer(msg: Message): Reply {
    return { text: pickAlternative(this.fallbacks, msg.key), patternId: null, confidence: 0, captures: {} };
  }
}
