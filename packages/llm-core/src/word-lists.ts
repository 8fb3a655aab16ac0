/**
 * Small, fixed English word lists. They never decide WHETHER a phrase can match; they only
 * make the fuzzy tier forgiving (fillers) and fast (function words are poor index keys).
 */

/** Words people sprinkle into a message without changing what they ask. The fuzzy tier ignores them. */
export const FILLER_WORDS: ReadonlySet<string> = new Set(
  'a an the please pls plz kindly um umm uh uhh uhm er erm hmm hm mm ah oh hey ok okay so thanks thx yeah just really actually basically literally'.split(' '),
);

/**
 * Very common words that carry little meaning on their own. A fuzzy candidate must contain most of a
 * trigger's words; these count a quarter, so a candidate is found through its content words.
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  (
    'i me my mine myself you your yours we us our he him his she her it its they them their this that these those ' +
    'is am are was were be been being do does did doing have has had will would can could should shall may might must ' +
    'not no what who whom whose where when why how which of in on at to for from with by about as into onto over under ' +
    'and or but if then than so too very there here all any some up out off down also let'
  ).split(' '),
);

/** Words that turn a question around: a message that leaves one out asks something else. */
export const NEGATIONS: ReadonlySet<string> = new Set(['not', 'no', 'never']);
