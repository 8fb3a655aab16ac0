/** The longest unanswered question kept (migrations/014): enough to teach from, no essays stored. */
export const QUESTION_MAX = 200;

/**
 * "  What's   the WEATHER?? " → "what's the weather": lower case, punctuation at the ends and
 * repeated spaces gone, so the same question typed twice counts once in "unanswered questions".
 */
export const normalizeQuestion = (message: string): string => {
  const spaced = message.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  return (spaced.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '') || spaced).slice(0, QUESTION_MAX); // "???" stays "???"
};
