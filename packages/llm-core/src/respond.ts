/**
 * Turning a matched pattern into text: a response may hold alternatives separated by `||`
 * ("Hi! || Hello there!"); one is picked from a hash of the normalized message, so the same
 * message always gets the same answer while different messages get some variety.
 */
const RESPONSE_SEPARATOR = '||';

const PLACEHOLDER = /\{([\p{L}\p{N}_]+)\}/gu;

/** The alternatives of a response, trimmed; a response without `||` is its own single alternative. */
export function splitResponse(response: string): string[] {
  if (!response.includes(RESPONSE_SEPARATOR) && response.trim() === response) return [response];
  const parts = response.split(RESPONSE_SEPARATOR).map((part) => part.trim()).filter((part) => part !== '');
  return parts.length > 0 ? parts : [response.trim()];
}

/** Deterministic pick: FNV-1a hash of the normalized message, modulo the number of alternatives. */
export function pickAlternative(alternatives: readonly string[], messageKey: string): string {
  if (alternatives.length === 1) return alternatives[0]!;
  return alternatives[fnv1a(messageKey) % alternatives.length] ?? '';
}

/** Replaces `{name}` with the captured words; placeholders without a capture stay as written. */
export function fillCaptures(template: string, captures: Readonly<Record<string, string>>): string {
  if (!template.includes('{')) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(captures, name) ? captures[name]! : whole));
}

/** 32-bit FNV-1a: tiny, fast, and identical in every JavaScript engine. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
