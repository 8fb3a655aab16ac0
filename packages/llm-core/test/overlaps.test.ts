import { describe, expect, it } from 'vitest';
import { PatternEngine } from '../src/index';

const engine = new PatternEngine([
  { id: 'greet', trigger: '(hi|hello|hey) [there]', response: 'Hello!' },
  { id: 'about', trigger: 'tell me about *', response: 'Hmm.' },
  { id: 'cats', trigger: 'tell me about cats', response: 'Purr.' },
  { id: 'weather', trigger: 'what is the weather', response: 'Sunny.' },
]);

describe('overlaps(trigger)', () => {
  it('names the patterns that answer the same messages, and whether the new trigger takes over', () => {
    expect(engine.overlaps('hello')).toEqual([{ id: 'greet', trigger: '(hi|hello|hey) [there]', takesOver: true }]);
    expect(engine.overlaps('Tell me about cats!')).toEqual([
      { id: 'about', trigger: 'tell me about *', takesOver: true },
      { id: 'cats', trigger: 'tell me about cats', takesOver: true },
    ]);
    // A wildcard shares messages with plain triggers ("hi there") and with other wildcards ("tell me
    // about there"); where the others are more exact (plain, or more literal words), they keep answering.
    expect(engine.overlaps('* there')).toEqual([
      { id: 'greet', trigger: '(hi|hello|hey) [there]', takesOver: false },
      { id: 'about', trigger: 'tell me about *', takesOver: false },
    ]);
    expect(engine.overlaps('tell me about * please')).toEqual([{ id: 'about', trigger: 'tell me about *', takesOver: true }]);
  });

  it('is empty for a trigger no message shares, and leaves out the pattern being edited', () => {
    expect(engine.overlaps('what is the time')).toEqual([]);
    expect(engine.overlaps('tell me a joke about *')).toEqual([]);
    expect(engine.overlaps('what is the weather', 'weather')).toEqual([]);
  });
});
