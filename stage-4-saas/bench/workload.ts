import type { PatternInput } from '@journey/llm-core';

const VERBS = ['fix', 'clean', 'paint', 'open', 'close', 'find', 'move', 'sell', 'buy', 'cook'];
const THINGS = ['door', 'window', 'car', 'bike', 'garden', 'kitchen', 'roof', 'boat', 'desk', 'lamp'];
const PLACES = ['at home', 'in town', 'at work', 'on sunday', 'in winter', 'by myself', 'for cheap', 'quickly', 'safely', 'today'];

/** 1,000 distinct patterns that share words, as real ones do (10 verbs × 10 things × 10 places). */
export function benchPatterns(): PatternInput[] {
  return VERBS.flatMap((verb) =>
    THINGS.flatMap((thing) =>
      PLACES.map((place) => ({ trigger: `how do I ${verb} the ${thing} ${place}`, response: `To ${verb} the ${thing} ${place}: step one…` })),
    ),
  );
}

/** Chat messages: mostly hits, some with different case and punctuation, some misses. */
export const BENCH_MESSAGES: string[] = [
  ...VERBS.map((verb, i) => `how do I ${verb} the ${THINGS[i]} ${PLACES[(i * 3) % 10]}`),
  ...VERBS.map((verb, i) => `How do I ${verb.toUpperCase()} the ${THINGS[(i + 4) % 10]} ${PLACES[i]}?`),
  'what is the meaning of life',
  'tell me something about the weather tomorrow',
];
