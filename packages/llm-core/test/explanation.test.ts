import { describe, expect, it } from 'vitest';
import { PatternEngine } from '../src/index';

const engine = new PatternEngine([
  { id: 'weather', trigger: "what's the weather", response: 'Sunny.' },
  { id: 'greet', trigger: '(hi|hello) [there]', response: 'Hello!' },
  { id: 'name', trigger: 'my name is {name}', response: 'Hi {name}!' },
  { id: 'sunday', trigger: 'what are your opening hours on sunday', response: 'Closed.' },
]);

describe('why this answer (reply.how)', () => {
  it.each([
    ['What is the weather?', { match: 'exact', words: ['what', 'is', 'the', 'weather'], corrected: [], missing: [] }],
    ['hello there', { match: 'variant', words: ['hello', 'there'], corrected: [], missing: [] }],
    ['my name is Ada', { match: 'wildcard', words: ['my', 'name', 'is'], corrected: [], missing: [] }],
    ['whats teh wether', { match: 'fuzzy', words: ['what', 'is', 'the', 'weather'], corrected: ['teh → the', 'wether → weather'], missing: [] }],
    ['what are your opening hours', { match: 'fuzzy', words: ['what', 'are', 'your', 'opening', 'hours'], corrected: [], missing: ['on', 'sunday'] }],
  ])('%j → %j', (message, how) => {
    expect(engine.reply(message).how).toEqual(how);
  });

  it('the fallback has no explanation', () => {
    expect(engine.reply('banana').how).toBeUndefined();
  });
});
