import type { Element } from './trigger-parser';

/** One step of a phrasing: a word, exactly one word of any kind, or any number of words. */
type Step = string | 'ONE' | 'ANY';

/** `*` is any words; `{name}` is one word, then any more. Words are normalized, so never 'ONE' or 'ANY' in capitals. */
function steps(elements: readonly Element[]): Step[] {
  return elements.flatMap((el): Step[] => (typeof el === 'string' ? [el] : el.kind === 'wildcard' ? ['ANY'] : ['ONE', 'ANY']));
}

/**
 * Is there a message both phrasings match? Reads both at once, one word at a time (the product of two
 * small automata), and asks whether both can reach their ends together. O(length × length); no search
 * over messages, so `* about cats` and `tell me *` are found to share "tell me about cats".
 */
export function shareAMessage(first: readonly Element[], second: readonly Element[]): boolean {
  const a = steps(first);
  const b = steps(second);
  const width = b.length + 1;
  const seen = new Uint8Array((a.length + 1) * width);
  const todo: number[] = [0];
  seen[0] = 1;
  const visit = (i: number, j: number) => {
    if (seen[i * width + j]) return;
    seen[i * width + j] = 1;
    todo.push(i * width + j);
  };
  while (todo.length > 0) {
    const state = todo.pop()!;
    const i = Math.floor(state / width);
    const j = state % width;
    if (i === a.length && j === b.length) return true;
    const x = a[i];
    const y = b[j];
    // `*` may also match nothing: skip it without reading a word.
    if (x === 'ANY') visit(i + 1, j);
    if (y === 'ANY') visit(i, j + 1);
    if (x === undefined || y === undefined) continue;
    // Read one word that both sides accept: two different words never are one.
    if (x !== 'ANY' && x !== 'ONE' && y !== 'ANY' && y !== 'ONE' && x !== y) continue;
    visit(x === 'ANY' ? i : i + 1, y === 'ANY' ? j : j + 1);
  }
  return false;
}
