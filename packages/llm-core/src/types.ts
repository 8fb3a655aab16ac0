/** A taught trigger → response pair. Servers add their own fields (owner, timestamps). */
export interface Pattern {
  id: string;
  trigger: string;
  response: string;
}

/** What a person types to teach: a pattern before it has an id. */
export type PatternInput = Pick<Pattern, 'trigger' | 'response'>;

/** The engine's answer to one message. `patternId` is null when the fallback answered. */
export interface Reply {
  text: string;
  patternId: string | null;
  confidence: number;
  captures: Record<string, string>;
}
