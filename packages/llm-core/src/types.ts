/** A taught trigger → response pair. Servers add their own fields (owner, creation time). */
export interface Pattern {
  id: string;
  trigger: string;
  response: string;
  /**
   * When the pattern was taught or last changed (ISO 8601). Between two equally good matches the
   * newer one answers; without it a pattern counts as older than any that has one.
   */
  updatedAt?: string;
}

/** What a person types to teach: a pattern before it has an id. */
export type PatternInput = Pick<Pattern, 'trigger' | 'response'>;

/** The engine's answer to one message. `patternId` is null when the fallback answered. */
export interface Reply {
  text: string;
  patternId: string | null;
  confidence: number;
  captures: Record<string, string>;
  /** Why this pattern answered (only when one did). */
  how?: Explanation;
  /** "Did you mean": on a fallback, the patterns the message came close to, best first (at most 3). */
  alternatives?: Alternative[];
}

/** How a pattern matched a message, in words a person can follow. */
export interface Explanation {
  /**
   * exact: the trigger word for word · variant: one phrasing of its `(a|b)` / `[optional]` words ·
   * wildcard: its words around `*` / `{name}` · fuzzy: close enough (typos, order, extra or missing words).
   */
  match: 'exact' | 'variant' | 'wildcard' | 'fuzzy';
  /** The trigger's words found in the message, in the trigger's order. */
  words: string[];
  /** Typos read as a trigger word, as "typed → word" (e.g. "teh → the"). */
  corrected: string[];
  /** The trigger's words the message left out (fuzzy matches only; filler words aside). */
  missing: string[];
}

/** A pattern the message almost matched. */
export interface Alternative {
  patternId: string;
  trigger: string;
  /** One way to ask it: the phrasing of the trigger the message came close to, as words. */
  question: string;
  confidence: number;
}

/** An existing pattern that answers some of the same messages as a trigger being taught. */
export interface Overlap {
  id: string;
  trigger: string;
  /** True when the new trigger will answer the messages both match (see PatternEngine.overlaps). */
  takesOver: boolean;
}
