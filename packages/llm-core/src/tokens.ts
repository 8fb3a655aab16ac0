const PIECE = /\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}|\p{Script=Hangul}|[\p{L}\p{N}\p{M}]+|[^\s\p{L}\p{N}\p{M}]/gu;

/**
 * Estimates how many LLM-style tokens a text holds, for usage metering (stages 4-5 bill with it).
 * Rule, chosen to be simple and stable rather than exact: each run of letters/digits counts one token
 * per 4 characters (rounded up; English averages about 4 characters per token), each CJK character
 * counts 1, each other non-space character (punctuation, emoji) counts 1. Whitespace is free.
 * Examples: "hello" → 2, "Hello, world!" → 6, "" → 0.
 */
export function countTokens(text: string): number {
  let count = 0;
  for (const [piece] of text.matchAll(PIECE)) {
    count += Math.ceil(piece.length / 4); // single characters (CJK, punctuation, emoji) round up to 1
  }
  return count;
}
