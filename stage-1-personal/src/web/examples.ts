import type { PatternInput } from '@journey/llm-core';

/** The first-run patterns: enough for the very first chat to work and to show off the syntax. */
export const EXAMPLE_PATTERNS: readonly PatternInput[] = [
  {
    trigger: '(hi|hello|hey) [there]',
    response: "Hello! I'm your own little language model. Teach me something and I'll remember it.",
  },
  { trigger: 'my name is {name}', response: 'Nice to meet you, {name}!' },
  {
    trigger: 'what can you do',
    response: 'I answer with the patterns you teach me. Add one with the form, then ask me again.',
  },
  {
    trigger: 'where do you live',
    response: "Only in this browser's storage. Another browser has never heard of me.",
  },
  { trigger: 'tell me a joke', response: 'I would, but nobody has taught me one yet. Want to?' },
];
