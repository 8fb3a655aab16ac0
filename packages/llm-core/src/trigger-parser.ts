import { TriggerTooComplexError } from './errors';
import { toNfkc, words } from './normalize';

/** A gap in a trigger: `*` (any words, maybe none) or `{name}` (one or more words, kept as a capture). */
export type Gap = { kind: 'wildcard' } | { kind: 'capture'; name: string };

/** One step of a trigger: a literal (normalized) word or a gap. */
export type Element = string | Gap;

/** One way of saying a trigger, after picking one option of every `(a|b)` and `[optional]` group. */
export type Phrasing = Element[];

/** `(a|b) (c|d) [e]` multiplies phrasings; past this a trigger is rejected rather than slowing every reply. */
export const MAX_PHRASINGS = 64;

type Slot = Element | { kind: 'choice'; options: string[][] };

const WILDCARD: Gap = { kind: 'wildcard' };

const CLOSER: Record<string, string> = { '{': '}', '(': ')', '[': ']' };
const CAPTURE_NAME = /^[\p{L}\p{N}_]+$/u;
const NESTED = /[{}()[\]*]/;
const SYNTAX = /[*{([]/;

/**
 * Reads trigger syntax: `*`, `{name}`, `(a|b)`, `[optional]`. Everything else is ordinary text.
 * A bracket that does not form a valid group (":(" in a smiley, nesting) is read as punctuation,
 * so any text a person typed is a valid trigger. Brackets are found with indexOf over a string
 * of at most LIMITS.trigger characters, so parsing stays cheap.
 */
export function parseTrigger(trigger: string): Phrasing[] {
  const text = toNfkc(trigger);
  if (!SYNTAX.test(text)) {
    // Most triggers are plain phrases: one phrasing, no parsing needed.
    const plain: Phrasing = words(text);
    return plain.length > 0 ? [plain] : [];
  }
  const slots: Slot[] = [];
  let plainFrom = 0;
  const flushPlain = (to: number) => {
    for (const word of words(text.slice(plainFrom, to))) slots.push(word);
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    let slot: Slot | null = null;
    let next = i + 1;
    if (ch === '*') slot = WILDCARD;
    const closer = CLOSER[ch];
    if (closer) {
      const end = text.indexOf(closer, i + 1);
      if (end !== -1) {
        slot = readGroup(ch, text.slice(i + 1, end));
        next = end + 1;
      }
    }
    if (!slot) continue;
    flushPlain(i);
    slots.push(slot);
    plainFrom = next;
    i = next - 1;
  }
  flushPlain(text.length);
  return expand(slots);
}

function readGroup(open: string, inner: string): Slot | null {
  if (open === '{') {
    const name = inner.trim();
    return CAPTURE_NAME.test(name) ? { kind: 'capture', name } : null;
  }
  if (NESTED.test(inner)) return null;
  const options = inner.split('|').map((option) => words(option));
  if (open === '[') options.push([]);
  return { kind: 'choice', options };
}

/** Multiplies out the choices into flat phrasings, without duplicates or empty ones. */
function expand(slots: Slot[]): Phrasing[] {
  let phrasings: Phrasing[] = [[]];
  for (const slot of slots) {
    if (typeof slot === 'string' || slot.kind !== 'choice') {
      for (const phrasing of phrasings) phrasing.push(slot);
      continue;
    }
    const count = phrasings.length * slot.options.length;
    if (count > MAX_PHRASINGS) throw new TriggerTooComplexError(count, MAX_PHRASINGS);
    phrasings = phrasings.flatMap((p) => slot.options.map((words) => [...p, ...words]));
  }
  const unique = new Map<string, Phrasing>();
  for (const phrasing of phrasings.map(collapseWildcards)) {
    if (phrasing.length > 0) unique.set(phrasingKey(phrasing), phrasing);
  }
  return [...unique.values()];
}

/** `* *` means the same as `*`. */
function collapseWildcards(phrasing: Phrasing): Phrasing {
  return phrasing.filter((el, i) => !(el === WILDCARD && phrasing[i - 1] === WILDCARD));
}

function phrasingKey(phrasing: Phrasing): string {
  return phrasing.map((el) => (typeof el === 'string' ? el : el.kind === 'wildcard' ? '*' : `{${el.name}}`)).join(' ');
}
