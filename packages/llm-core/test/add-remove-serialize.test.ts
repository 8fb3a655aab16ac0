import { describe, expect, it } from 'vitest';
import { PatternEngine, type Pattern } from '../src/index';

const patterns: Pattern[] = [
  { id: '1', trigger: 'what is the weather', response: 'Sunny.' },
  { id: '2', trigger: 'my name is {name}', response: 'Hi {name}!' },
  { id: '3', trigger: 'tell me about *', response: 'Hmm.' },
];
const messages = ['what is the weather', 'whats teh wether', 'my name is Ada', 'tell me about cats', 'hello'];

describe('add and remove', () => {
  it('add makes a pattern answer at once, remove forgets it in every tier', () => {
    const engine = new PatternEngine(patterns);
    engine.add({ id: '4', trigger: 'good morning', response: 'Morning!' });
    expect(engine.size).toBe(4);
    expect(engine.reply('Good morning!').patternId).toBe('4');
    expect(engine.reply('morning good').patternId).toBe('4');
    engine.remove('4');
    expect(engine.size).toBe(3);
    expect(engine.reply('Good morning!').patternId).toBeNull();
    expect(engine.reply('morning good').patternId).toBeNull();
  });

  it('adding an existing id replaces the pattern (an edit)', () => {
    const engine = new PatternEngine(patterns);
    engine.add({ id: '1', trigger: 'how is the weather', response: 'Rainy.' });
    expect(engine.size).toBe(3);
    expect(engine.reply('what is the weather').patternId).toBeNull();
    expect(engine.reply('how is the weather').text).toBe('Rainy.');
  });

  it('when the constructor gets one id twice, the later pattern wins', () => {
    const engine = new PatternEngine([...patterns, { id: '1', trigger: 'how is the weather', response: 'Rainy.' }]);
    expect(engine.size).toBe(3);
    expect(engine.reply('what is the weather').patternId).toBeNull();
    expect(engine.reply('how is the weather').text).toBe('Rainy.');
  });

  it('ids() lists the patterns it holds, after adds and removes', () => {
    const engine = new PatternEngine(patterns);
    engine.remove('2');
    engine.add({ id: '4', trigger: 'hello', response: 'Hi.' });
    expect(engine.ids().sort()).toEqual(['1', '3', '4']);
  });

  it('removing an unknown id is harmless', () => {
    const engine = new PatternEngine(patterns);
    engine.remove('nope');
    expect(engine.size).toBe(3);
  });

  it('an engine built incrementally answers like one built at once', () => {
    const incremental = new PatternEngine();
    for (const p of patterns) incremental.add(p);
    const bulk = new PatternEngine([...patterns].reverse());
    for (const m of messages) expect(incremental.reply(m)).toEqual(bulk.reply(m));
  });
});

describe('toJSON / fromJSON', () => {
  it('round-trips patterns and options, through a JSON string too', () => {
    const engine = new PatternEngine(patterns, { fallback: 'Nope', threshold: 0.7 });
    const copy = PatternEngine.fromJSON(JSON.stringify(engine));
    expect(copy.size).toBe(3);
    expect(copy.fallback).toBe('Nope');
    expect(copy.threshold).toBe(0.7);
    for (const m of messages) expect(copy.reply(m)).toEqual(engine.reply(m));
  });

  it('stores only id, trigger and response', () => {
    const engine = new PatternEngine([{ ...patterns[0]!, owner: 'x' } as Pattern]);
    expect(engine.toJSON().patterns).toEqual([patterns[0]]);
  });

  it('rejects something that is not a snapshot', () => {
    expect(() => PatternEngine.fromJSON('{"format":"other"}')).toThrow(TypeError);
  });
});
