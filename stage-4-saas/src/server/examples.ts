import type { PatternInput } from '@journey/llm-core';

/** The first-run patterns every new account's personal organization gets (see auth/accounts.ts): enough for the first chat to work. */
export const EXAMPLE_PATTERNS: readonly PatternInput[] = [
  {
    trigger: '(hi|hello|hey) [there]',
    response: "Hello! I'm your own little language model. Teach me something: only your organization will see it.",
  },
  { trigger: 'my name is {name}', response: 'Nice to meet you, {name}!' },
  {
    trigger: 'what can you do',
    response: 'I answer with the patterns you teach me. Add one with the form, then ask me again.',
  },
  {
    trigger: 'where do you live',
    response: 'In a PostgreSQL database, in a corner your organization shares: other organizations never see what you teach me.',
  },
  { trigger: 'tell me a joke', response: 'I would, but nobody has taught me one yet. Want to?' },
];
