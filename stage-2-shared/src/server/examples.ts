import type { PatternInput } from '@journey/llm-core';
import type { PatternsRepo } from './patterns-repo';

/** The first-run patterns (stage 1 kept them in the browser): enough for the first chat to work. */
export const EXAMPLE_PATTERNS: readonly PatternInput[] = [
  {
    trigger: '(hi|hello|hey) [there]',
    response: "Hello! I'm a little language model on a server. Teach me something and every browser will know it.",
  },
  { trigger: 'my name is {name}', response: 'Nice to meet you, {name}!' },
  {
    trigger: 'what can you do',
    response: 'I answer with the patterns anyone teaches me. Add one with the form, then ask me again.',
  },
  {
    trigger: 'where do you live',
    response: 'In a SQLite file on a server. Every browser that opens this page talks to the same me.',
  },
  { trigger: 'tell me a joke', response: 'I would, but nobody has taught me one yet. Want to?' },
];

/** Puts the examples into a brand-new database, all or none. */
export function seedExamples(repo: PatternsRepo): void {
  repo.transaction(() => EXAMPLE_PATTERNS.forEach((example) => repo.insert(example)));
}
