import { describe, expect, it } from 'vitest';
import { parseTrigger, TriggerTooComplexError } from '../src/index';
import { MAX_PHRASINGS, type Phrasing } from '../src/trigger-parser';

const show = (phrasings: Phrasing[]) =>
  phrasings.map((p) => p.map((el) => (typeof el === 'string' ? el : el.kind === 'wildcard' ? '*' : `{${el.name}}`)).join(' '));

describe('parseTrigger', () => {
  it.each([
    ['Hello there', ['hello there']],
    ['tell me about *', ['tell me about *']],
    ['* *  weather', ['* weather']],
    ['my name is {name}', ['my name is {name}']],
    ['{ first } and {second}', ['{first} and {second}']],
    ['(hi|hello) there', ['hi there', 'hello there']],
    ['(good morning|hey)', ['good morning', 'hey']],
    ['hello [there]', ['hello there', 'hello']],
    ['[please] (help|assist) me', ['please help me', 'please assist me', 'help me', 'assist me']],
    ['[a|the] cat', ['a cat', 'the cat', 'cat']],
    ["What's up?", ['what is up']],
    // Brackets that do not form a group are punctuation, so any typed text is a trigger.
    ['sad :(', ['sad']],
    ['happy :)', ['happy']],
    ['{not a name} hi', ['not a name hi']],
    ['((nested|x)|y)', ['nested y', 'x y']], // no nesting: the outer brackets are punctuation
    ['a | b', ['a b']],
    ['[only]', ['only']],
    ['!!!', []],
  ])('%j → %j', (trigger, expected) => {
    expect(show(parseTrigger(trigger))).toEqual(expected);
  });

  it(`rejects triggers that expand past ${MAX_PHRASINGS} phrasings`, () => {
    const trigger = '(a|b) (c|d) (e|f) (g|h) (i|j) (k|l) (m|n)';
    expect(() => parseTrigger(trigger)).toThrow(TriggerTooComplexError);
    expect(parseTrigger('(a|b) (c|d) (e|f) (g|h) (i|j) (k|l)')).toHaveLength(64);
  });
});
