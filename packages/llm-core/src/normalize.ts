import { expandContraction } from './contractions';

/** One normalized word and where it came from, so captures can return the text as the person typed it. */
export interface Token {
  word: string;
  /** Offsets into `TokenizedText.text` (the NFKC form of the input). */
  start: number;
  end: number;
}

export interface TokenizedText {
  text: string;
  tokens: Token[];
}

// Fixed patterns, written here, never built from user text. Both scan the input once.
const WORD_RUN = /[\p{L}\p{N}\p{M}'’‘ʼ`]+/gu;
const APOSTROPHES = /['’‘ʼ`]/g;

/**
 * Splits text into lowercase words: Unicode NFKC (so "ｆｕｌｌ ｗｉｄｔｈ" and ligatures read as plain letters),
 * punctuation and spacing dropped, apostrophes removed and contractions expanded ("what's" → what, is).
 */
export function tokenize(input: string): TokenizedText {
  const text = input.normalize('NFKC');
  const tokens: Token[] = [];
  for (const run of text.matchAll(WORD_RUN)) {
    const stripped = run[0].replace(APOSTROPHES, '');
    if (stripped === '') continue;
    const joined = stripped.toLowerCase();
    const start = run.index;
    const end = start + run[0].length;
    const expanded = expandContraction(joined, stripped.length !== run[0].length);
    if (!expanded) tokens.push({ word: joined, start, end });
    else for (const word of expanded) tokens.push({ word, start, end });
  }
  return { text, tokens };
}

/** The words of a text joined by single spaces: the key exact matching compares. */
export function normalizeText(input: string): string {
  return tokenize(input).tokens.map((t) => t.word).join(' ');
}
