import { describe, expect, it } from 'vitest';
import { PatternEngine, type Pattern } from '../src/index';

const faq: Pattern[] = [
  { id: 'sunday', trigger: 'what are your opening hours on sunday', response: 'Closed on Sundays.' },
  { id: 'address', trigger: 'can i change my delivery address after ordering', response: 'Yes, until it ships.' },
  { id: 'reset', trigger: 'how do I reset my password on the website', response: 'Use “Forgot password”.' },
  { id: 'weather', trigger: 'what is the weather', response: 'Sunny.' },
];

describe('partial questions', () => {
  it.each([
    ['what are your opening hours', 'sunday'],
    ['can i change my address after ordering', 'address'],
    ['how do I reset my password', 'reset'],
    ['How do I reset my pasword?', 'reset'], // and a typo
  ])('%j, one content word left out, answers with %s', (message, id) => {
    expect(new PatternEngine(faq).reply(message).patternId).toBe(id);
  });

  it.each([
    ['what are your hours', 'two content words left out'],
    ['what are your opening hours today', 'a content word the trigger does not have'],
    ['can i change my order', 'a different question'],
  ])('%j gets the fallback: %s', (message) => {
    expect(new PatternEngine(faq).reply(message).patternId).toBeNull();
  });

  it('when two patterns fit nearly as well, the fallback offers both as alternatives', () => {
    const monday = { id: 'monday', trigger: 'what are your opening hours on monday', response: 'Nine to five.' };
    const reply = new PatternEngine([...faq, monday]).reply('what are your opening hours');
    expect(reply.patternId).toBeNull();
    expect(reply.alternatives?.map((a) => a.patternId).sort()).toEqual(['monday', 'sunday']);
    expect(reply.alternatives?.[0]).toMatchObject({ trigger: expect.stringMatching(/^what are your opening hours on/), confidence: expect.any(Number) });
  });

  it('offers at most three alternatives, each a question that gets that answer', () => {
    const days = ['monday', 'tuesday', 'wednesday', 'thursday'].map((day) => ({ id: day, trigger: `[so] what are your opening hours on ${day}`, response: day }));
    const engine = new PatternEngine(days);
    const { alternatives = [] } = engine.reply('what are your opening hours');
    expect(alternatives).toHaveLength(3);
    for (const alternative of alternatives) expect(engine.reply(alternative.question).patternId).toBe(alternative.patternId);
  });

  it('an answered message and a fallback with nothing close carry no alternatives', () => {
    const engine = new PatternEngine(faq);
    expect(engine.reply('what is the weather').alternatives).toBeUndefined();
    expect(engine.reply('banana').alternatives).toBeUndefined();
  });
});
