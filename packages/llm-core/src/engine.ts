import { compilePattern, type CompiledPattern, type Variant } from './compile';
import { explain } from './explain';
import { chooseAnchors, matchLoosely, scoreBag } from './fuzzy';
import { InvertedIndex } from './inverted-index';
import { captureTexts, readFuzzy, readMessage, type FuzzyView, type Message } from './message';
import { shareAMessage } from './overlap';
import { CLEAR_LEAD, contentTermBits, isPartialCandidate, mayBePartial, partialAnchors, scorePartial } from './partial';
import { fillCaptures, pickAlternative, splitResponse } from './respond';
import { exactness, isBetter, patternConfidence, type Scored } from './scoring';
import { matchSequence } from './sequence-match';
import { Shortlist } from './shortlist';
import type { Alternative, Overlap, Pattern, Reply } from './types';
import { Vocabulary } from './vocabulary';

export interface EngineOptions {
  /** What to answer when nothing matches well enough; may hold `||` alternatives. */
  fallback?: string;
  /** Replies with a lower confidence than this (0..1) give the fallback instead. */
  threshold?: number;
}

const DEFAULT_FALLBACK = "I don't know that one yet. Teach me?";
const DEFAULT_THRESHOLD = 0.7;
/** A fallback offers the patterns the message came this close to ("did you mean"). */
const ALTERNATIVE_FLOOR = 0.5;
/** overlaps() names at most this many patterns. */
const MAX_OVERLAPS = 10;

/** What `toJSON` returns and `fromJSON` reads: the patterns and options, not the derived indexes. */
interface EngineSnapshot {
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
  /** Two rarest content words → phrasings without gaps, for partial questions (see partialAnchors). */
  private readonly partial = new InvertedIndex<Variant>();
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

  /** The ids of the patterns it holds. */
  ids(): string[] {
    return [...this.compiled.keys()];
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
      for (const word of variant.partialUnder) this.partial.remove(word, variant);
    }
    this.vocabulary.removeDocument(compiled.words);
    this.compiled.delete(id);
  }

  /**
   * Answers a message: the exact tier, then patterns with gaps, then fuzzy matching, then partial
   * questions. A fallback lists the patterns it came close to. Throws InputTooLongError past LIMITS.message.
   */
  reply(message: string): Reply {
    const msg = readMessage(message);
    if (msg.words.length === 0) return this.noAnswer(msg, []);
    const sure = this.matchExact(msg) ?? this.matchPattern(msg);
    if (sure && sure.confidence >= this.threshold) return this.answer(sure, msg, null);
    const view = readFuzzy(msg, this.vocabulary);
    const shortlist = this.matchFuzzy(msg, view);
    const fuzzy = shortlist.best;
    if (fuzzy && fuzzy.confidence >= this.threshold) return this.answer(fuzzy, msg, view);
    if (mayBePartial(view)) this.matchPartial(view, shortlist);
    const [best, runnerUp] = shortlist.items;
    const clear = best?.tier === 'partial' && (!runnerUp || runnerUp.confidence <= best.confidence - CLEAR_LEAD);
    if (best && clear && best.confidence >= this.threshold) return this.answer(best, msg, view);
    return this.noAnswer(msg, shortlist.items);
  }

  /**
   * The patterns that answer some message `trigger` would also match (at least every message both
   * match exactly), for a notice before a new pattern surprises anyone. `takesOver` tells whether the
   * new trigger will answer those messages: it does unless the other is the more exact kind (see
   * precedence), as the newest of equals. `except` leaves out the pattern being edited. At most
   * MAX_OVERLAPS, ordered by trigger. A trigger with gaps is compared with every pattern (a scan).
   */
  overlaps(trigger: string, except?: string): Overlap[] {
    const found = new Map<string, Overlap>();
    for (const mine of compilePattern({ id: '', trigger, response: '-' }).variants) {
      for (const theirs of mine.gaps === 0 ? this.matchingWords(mine) : this.allVariants()) {
        const { id, trigger } = theirs.owner.pattern;
        if (id === except || !shareAMessage(mine.elements, theirs.elements)) continue;
        const takesOver = exactness(mine, theirs) >= 0; // as exact or more, and newer
        const seen = found.get(id);
        if (seen) seen.takesOver &&= takesOver;
        else found.set(id, { id, trigger, takesOver });
      }
    }
    return [...found.values()].sort((a, b) => (a.trigger < b.trigger ? -1 : a.trigger > b.trigger ? 1 : a.id < b.id ? -1 : 1)).slice(0, MAX_OVERLAPS);
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
        const anchors = partialAnchors(variant, this.vocabulary);
        const bits = anchors ? contentTermBits(variant) : 0;
        if (anchors) for (const word of anchors) this.partial.add(word, variant, bits);
        variant.partialUnder = anchors ?? [];
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
      const scored: Scored = { variant, confidence: 1, captures: {}, tier: 'exact' };
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
    const scored: Scored = { variant, confidence, captures: captureTexts(msg.text, msg.tokens, match.captures), tier: 'pattern' };
    return isBetter(scored, best) ? scored : best;
  }

  /** The best few fuzzy candidates (see Shortlist). */
  private matchFuzzy(msg: Message, view: FuzzyView): Shortlist {
    this.searches++;
    const shortlist = new Shortlist();
    // Most candidates lack a word they need: their tags (word bits) tell, without reading the candidates.
    for (const known of view.covers.keys()) {
      const bags = this.fuzzy.get(known);
      for (let i = 0; i < bags.items.length; i++) {
        if ((bags.tags[i]! & ~view.coveredBits) !== 0 || !this.firstVisit(bags.items[i]!)) continue;
        const scored = scoreBag(bags.items[i]!, view, this.vocabulary);
        if (scored) shortlist.offer(scored);
      }
      const gapped = this.withGaps.get(known);
      for (let i = 0; i < gapped.items.length; i++) {
        if ((gapped.tags[i]! & ~view.coveredBits) !== 0 || !this.firstVisit(gapped.items[i]!)) continue;
        const scored = matchLoosely(gapped.items[i]!, view, msg.text);
        if (scored) shortlist.offer(scored);
      }
    }
    return shortlist;
  }

  /** Adds the partial questions the message may be (see partial.ts) to the shortlist. */
  private matchPartial(view: FuzzyView, shortlist: Shortlist): void {
    this.searches++;
    for (const known of view.covers.keys()) {
      const { items, tags } = this.partial.get(known);
      for (let i = 0; i < items.length; i++) {
        if (!isPartialCandidate(tags[i]!, view.coveredBits) || !this.firstVisit(items[i]!)) continue;
        const scored = scorePartial(items[i]!, view);
        if (scored) shortlist.offer(scored);
      }
    }
  }

  /** Phrasings that a message of exactly these words would match: the same words, or a pattern around them. */
  private matchingWords(variant: Variant): Variant[] {
    const msg = readMessage(variant.key);
    const found = [...this.exact.get(variant.key).items, ...this.catchAll];
    for (const word of new Set(msg.words)) found.push(...this.withGaps.get(word).items);
    return [...new Set(found)].filter((v) => v.gaps === 0 || matchSequence(v.elements, msg.words, (a, b) => (a === b ? 1 : 0)));
  }

  private *allVariants(): Iterable<Variant> {
    for (const compiled of this.compiled.values()) yield* compiled.variants;
  }

  private answer(best: Scored, msg: Message, view: FuzzyView | null): Reply {
    const template = pickAlternative(best.variant.owner.responses, msg.key);
    return {
      text: fillCaptures(template, best.captures),
      patternId: best.variant.owner.pattern.id,
      confidence: round(best.confidence),
      captures: best.captures,
      how: explain(best, msg, view),
    };
  }

  /** The fallback, with the phrasings without gaps it came close to ("did you mean"). */
  private noAnswer(msg: Message, near: readonly Scored[]): Reply {
    const reply: Reply = { text: pickAlternative(this.fallbacks, msg.key), patternId: null, confidence: 0, captures: {} };
    const alternatives = near
      .filter((s) => s.variant.gaps === 0 && s.confidence >= ALTERNATIVE_FLOOR)
      .map((s): Alternative => ({ patternId: s.variant.owner.pattern.id, trigger: s.variant.owner.pattern.trigger, question: s.variant.key, confidence: round(s.confidence) }));
    if (alternatives.length > 0) reply.alternatives = alternatives;
    return reply;
  }
}

const round = (confidence: number) => Math.round(confidence * 1000) / 1000;
