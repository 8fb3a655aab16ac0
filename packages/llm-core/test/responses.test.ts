import { describe, expect, it } from 'vitest';
import { PatternEngine } from '../src/index';
import { splitResponse } from '../src/respond';

describe('splitResponse', () => {
  it.each([
    ['Hello!', ['Hello!']],
    ['Hi! || Hello there! ||Hey', ['Hi!', 'Hello there!', 'Hey']],
    ['a || || b', ['a', 'b']],
    ['a | b', ['a | b']],
  ])('%j → %j', (response, expected) => {
    expect(splitResponse(response)).toEqual(expected);
  });
});

describe('responses with alternatives', () => {
  const engine = new PatternEngine([{ id: 'g', trigger: 'hello *', response: 'One || Two || Three || Four' }]);

  it('always give the same answer to the same message, however it is typed', () => {
    const first = engine.reply('hello my friend').text;
    expect(engine.reply('Hello, my   friend!').text).toBe(first);
    expect(new PatternEngine(engine.toJSON().patterns).reply('hello my friend').text).toBe(first);
  });

  it('vary across messages', () => {
    const answers = new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((w) => engine.reply(`hello ${w}`).text));
    expect(answers.size).toBeGreaterThan(1);
    for (const answer of answers) expect(['One', 'Two', 'Three', 'Four']).toContain(answer);
  });

  it('keep placeholders that no capture fills', () => {
    const e = new PatternEngine([{ id: 'x', trigger: 'hi {name}', response: 'Hi {name}, I am {bot}.' }]);
    expect(e.reply('hi Ada').text).toBe('Hi Ada, I am {bot}.');
  });

  it('the fallback may have alternatives too', () => {
    const e = new PatternEngine([], { fallback: 'Hmm? || Sorry?' });
    expect(['Hmm?', 'Sorry?']).toContain(e.reply('anything').text);
  });
});
