import { expandContraction } from './contractions';

/** One normalized word and where it came from, so captures can return the text as the person typed it. */
export interface Token {
  word: string;
  /** Offsets into `TokenizedText.text` (the NFKC form of the input). */
  start: number;
  end: number;
}

interface TokenizedText {
  text: string;
  tokens: Token[];
}

// Fixed patterns, written here, never built from user text. Each scans its input once.
const WORD_RUN = /[\p{L}\p{N}\p{M}'’‘ʼ`]+/gu;
const APOSTROPHES = /['’‘ʼ`]/g;
const HAS_APOSTROPHE = /['’‘ʼ`]/;
const ASCII = /^[\x00-\x7f]*$/;

/**
 * Splits text into lowercase words: Unicode NFKC (so "ｆｕｌｌ ｗｉｄｔｈ" and ligatures read as plain letters),
 * punctuation and spacing dropped, apostrophes removed and contractions expanded ("what's" → what, is).
 */
export function tokenize(input: string): TokenizedText {
  const text = toNfkc(input);
  const tokens: Token[] = [];
  forEachWord(text, (word, start, end) => tokens.push({ word, start, end }));
  return { text, tokens };
}

/** Just the words of `tokenize`, without their positions (building 100k patterns makes fewer objects). */
export function words(input: string): string[] {
  const found: string[] = [];
  forEachWord(toNfkc(input), (word) => found.push(word));
  return found;
}

/** Calls `visit` with each word of an NFKC text and the offsets of the run of characters it came from. */
function forEachWord(text: string, visit: (word: string, start: number, end: number) => void): void {
  WORD_RUN.lastIndex = 0; // a /g pattern remembers where it stopped; this loop always runs to the end
  for (let run = WORD_RUN.exec(text); run !== null; run = WORD_RUN.exec(text)) {
    const raw = run[0];
    const stripped = HAS_APOSTROPHE.test(raw) ? raw.replace(APOSTROPHES, '') : raw;
    if (stripped === '') continue;
    const joined = stripped.toLowerCase();
    const expanded = expandContraction(joined, stripped.length !== raw.length);
    if (!expanded) visit(joined, run.index, run.index + raw.length);
    else for (const word of expanded) visit(word, run.index, run.index + raw.length);
  }
}

/** Unicode NFKC form ("ｆｕｌｌ" → "full", "ﬁ" → "fi"); plain ASCII text already is, and is returned as is. */
export function toNfkc(text: string): string {
  return ASCII.test(text) ? text : text.normalize('NFKC');
}

/** The words of a text joined by single spaces: the key exact matching compares. */
export function normalizeText(input: string): string {
  return words(input).join(' ');
}
