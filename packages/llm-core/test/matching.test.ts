import { describe, expect, it } from 'vitest';
import { PatternEngine, type Pattern } from '../src/index';

const patterns: Pattern[] = [
  { id: 'weather', trigger: 'what is the weather', response: 'Sunny.' },
  { id: 'name', trigger: 'my name is {name}', response: 'Nice to meet you, {name}!' },
  { id: 'greet', trigger: '(hi|hello) [there]', response: 'Hello!' },
  { id: 'about', trigger: 'tell me about *', response: 'Not much.' },
  { id: 'about-cats', trigger: 'tell me about cats', response: 'Cats purr.' },
  { id: 'likes', trigger: 'i like {thing} and {other}', response: 'Both {thing} and {other}?' },
  { id: 'feel', trigger: 'how are you', response: 'Fine.' },
  { id: 'reset', trigger: 'how do i reset my password', response: 'Use the reset link.' },
  { id: 'capital', trigger: 'what is the capital of france', response: 'Paris.' },
  { id: 'hours', trigger: 'when are you open', response: '9 to 5.' },
];
const engine = new PatternEngine(patterns, { fallback: 'FALLBACK' });

const cases: Record<string, [message: string, patternId: string | null, text?: string][]> = {
  'exact, ignoring case, punctuation, spacing and apostrophes': [
    ['What is the weather', 'weather'],
    ['WHAT IS THE WEATHER?!', 'weather'],
    ["  what's   the weather ", 'weather'],
    ['whats the weather', 'weather'],
  ],
  'wildcards match any words, including none': [
    ['tell me about dogs and wolves', 'about'],
    ['tell me about', 'about'],
  ],
  'more specific triggers win': [['tell me about cats', 'about-cats', 'Cats purr.']],
  'captures fill the response with the words as typed': [
    ['my name is Ada', 'name', 'Nice to meet you, Ada!'],
    ['My name is Ada Lovelace.', 'name', 'Nice to meet you, Ada Lovelace!'],
    ['i like tea and biscuits with jam', 'likes', 'Both tea and biscuits with jam?'],
  ],
  'alternatives and optional words': [
    ['hi', 'greet'],
    ['hello there', 'greet'],
    ['Hi there!', 'greet'],
  ],
  'one typo in 4+ letter words, a swap in 3-letter words': [
    ['what is the wether', 'weather'],
    ['whats teh weather', 'weather'],
    ['how do i rest my password', 'reset'],
    ['how do i reset my pasword', 'reset'],
    ['how are yuo', 'feel'],
    ['my nmae is Bob', 'name', 'Nice to meet you, Bob!'],
  ],
  'two typos in 8+ letter words': [['how do i reset my pssword', 'reset'], ['how do i reset my passwrod', 'reset']],
  'word order and filler words do not matter': [
    ['weather what is the', 'weather'],
    ['um what is the weather please', 'weather'],
    ['the capital of france, what is it', 'capital'],
    ["france's capital, what is it?", 'capital'],
    ['so when are you open', 'hours'],
    ['hey, ok so what is the weather? thanks', 'weather'], // chat fillers weigh nothing
  ],
  'unrelated or partial messages get the fallback': [
    ['banana', null, 'FALLBACK'],
    ['what is the capital of spain', null],
    ['how do i bake bread', null],
    ['what is', null],
    ['', null],
    ['?!', null],
  ],
};

describe.each(Object.entries(cases))('%s', (_feature, rows) => {
  it.each(rows)('%j → %s', (message, patternId, text) => {
    const reply = engine.reply(message);
    expect(reply.patternId).toBe(patternId);
    if (text !== undefined) expect(reply.text).toBe(text);
  });
});

describe('confidence', () => {
  it('is 1 for an exact match, lower for fuzzy ones, 0 for the fallback, always within [0, 1]', () => {
    expect(engine.reply('what is the weather').confidence).toBe(1);
    const fuzzy = engine.reply('what is the wether').confidence;
    expect(fuzzy).toBeGreaterThan(0.6);
    expect(fuzzy).toBeLessThan(1);
    expect(engine.reply('banana').confidence).toBe(0);
  });

  it('a higher threshold turns weak matches into the fallback', () => {
    const strict = new PatternEngine(patterns, { threshold: 0.99, fallback: 'FALLBACK' });
    expect(strict.reply('what is the wether').patternId).toBeNull();
    expect(strict.reply('what is the weather').patternId).toBe('weather');
  });

  it('rejects a threshold outside [0, 1]', () => {
    expect(() => new PatternEngine([], { threshold: 2 })).toThrow(RangeError);
  });
});
