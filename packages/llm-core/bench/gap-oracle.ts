/**
 * An independent judge of which `*` / `{x}` triggers a corpus message legitimately matches, written
 * the obvious way (recursive backtracking, fine for the bench's short generated texts). A query that a
 * wildcard trigger matches is a correct answer for it, so the corpus leaves such queries out of the
 * classes that expect a different pattern or none.
 */
export class GapOracle {
  private readonly byWord = new Map<string, string[][]>();

  /** `keyWord` names one literal word each trigger needs, used to find candidates quickly. */
  constructor(triggers: readonly string[], keyWord: (words: string[]) => string) {
    for (const trigger of triggers) {
      const elements = trigger.split(' ');
      const key = keyWord(elements.filter((e) => e !== '*' && !e.startsWith('{')));
      this.byWord.set(key, [...(this.byWord.get(key) ?? []), elements]);
    }
  }

  matchesAny(message: string): boolean {
    const words = message.toLowerCase().split(/\s+/).filter(Boolean);
    return [...new Set(words)].some((w) => (this.byWord.get(w) ?? []).some((elements) => glob(elements, words, 0, 0)));
  }
}

/** Does a trigger (words, `*`, `{x}`) match the message words? Plain backtracking, no regular expressions. */
export function glob(elements: readonly string[], words: readonly string[], i = 0, j = 0): boolean {
  if (i === elements.length) return j === words.length;
  const el = elements[i]!;
  if (el === '*' || el.startsWith('{')) {
    for (let k = el === '*' ? j : j + 1; k <= words.length; k++) if (glob(elements, words, i + 1, k)) return true;
    return false;
  }
  return words[j] === el && glob(elements, words, i + 1, j + 1);
}
