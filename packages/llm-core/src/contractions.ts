/**
 * Contractions, keyed by their spelling with the apostrophe removed, so that
 * "what's", "whats" and "what is" all become the words `what is`.
 */

/** Safe to expand even when typed without an apostrophe ("whats", "dont"). */
const ALWAYS = new Map(Object.entries({
  whats: 'what is', thats: 'that is', whos: 'who is', wheres: 'where is', hows: 'how is', whens: 'when is',
  whys: 'why is', theres: 'there is', heres: 'here is', im: 'i am', ive: 'i have', youre: 'you are',
  youve: 'you have', youll: 'you will', youd: 'you would', theyre: 'they are', theyve: 'they have',
  theyll: 'they will', weve: 'we have', dont: 'do not', doesnt: 'does not', didnt: 'did not', isnt: 'is not',
  arent: 'are not', wasnt: 'was not', werent: 'were not', cant: 'can not', cannot: 'can not', wont: 'will not',
  wouldnt: 'would not', couldnt: 'could not', shouldnt: 'should not', hasnt: 'has not', havent: 'have not',
  hadnt: 'had not', mustnt: 'must not', itll: 'it will', wanna: 'want to', gonna: 'going to', gotta: 'got to',
}));

/** Only expanded when an apostrophe was typed: without it they are ordinary words ("its", "well", "lets"). */
const WITH_APOSTROPHE = new Map(Object.entries({
  its: 'it is', hes: 'he is', shes: 'she is', were: 'we are', ill: 'i will', id: 'i would', well: 'we will',
  hell: 'he will', shell: 'she will', wed: 'we would', hed: 'he would', shed: 'she would', lets: 'let us',
}));

/** The words a (lowercase, apostrophe-free) contraction stands for, or null when it is no contraction. */
export function expandContraction(word: string, hadApostrophe: boolean): string[] | null {
  const expanded = ALWAYS.get(word) ?? (hadApostrophe ? WITH_APOSTROPHE.get(word) : undefined);
  return expanded ? expanded.split(' ') : null;
}
