import type { PatternInput } from '@journey/llm-core';
import { signature } from './pattern-signature';

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

/**
 * The examples stage 1 put in every browser. A stage-1 export file carries them along with what the
 * person taught; imported here they would sit beside this stage's, and stage 1's "where do you
 * live" would still answer "only in this browser's storage". An example someone edited is theirs.
 */
export const STAGE_1_EXAMPLES: readonly PatternInput[] = [
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

/** The examples stage 2 seeded into its database; `migrate:from-stage-2` leaves them behind. */
export const STAGE_2_EXAMPLES: readonly PatternInput[] = [
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

/** Stage 3's examples, word for word (scripts/test/earlier-examples.test.ts checks the copy). */
export const STAGE_3_EXAMPLES: readonly PatternInput[] = [
  {
    trigger: '(hi|hello|hey) [there]',
    response: "Hello! I'm your own little language model. Teach me something: only you will see it.",
  },
  { trigger: 'my name is {name}', response: 'Nice to meet you, {name}!' },
  {
    trigger: 'what can you do',
    response: 'I answer with the patterns you teach me. Add one with the form, then ask me again.',
  },
  {
    trigger: 'where do you live',
    response: 'In a SQLite file on a server, in a corner that is yours: other accounts never see what you teach me.',
  },
  { trigger: 'tell me a joke', response: 'I would, but nobody has taught me one yet. Want to?' },
];

const OWN = new Set(EXAMPLE_PATTERNS.map(signature));
const EARLIER = new Set([...STAGE_1_EXAMPLES, ...STAGE_2_EXAMPLES, ...STAGE_3_EXAMPLES].map(signature).filter((example) => !OWN.has(example)));

/**
 * True for an example an earlier stage shipped, word for word, that reads differently here: an
 * import leaves it behind. Examples are recognised by their text, not by a flag, so every export
 * file and database ever written is understood; an edited example no longer matches, and is the user's.
 */
export function isEarlierExample(pattern: PatternInput): boolean {
  return EARLIER.has(signature(pattern));
}

/** True for any example, this stage's or an earlier one's: every account already has its own. */
export function isExample(pattern: PatternInput): boolean {
  return OWN.has(signature(pattern)) || EARLIER.has(signature(pattern));
}
