import { describe, expect, it } from 'vitest';
import { normalizeText, tokenize } from '../src/normalize';

describe('normalizeText', () => {
  it.each([
    ['Hello, World!', 'hello world'],
    ['  lots   of\tspace\n', 'lots of space'],
    ["What's up?", 'what is up'],
    ['whats up', 'what is up'],
    ['what is up', 'what is up'],
    ['I’m here', 'i am here'],
    ["don't", 'do not'],
    ['its color', 'its color'],
    ["it's red", 'it is red'],
    ['ｆｕｌｌ ｗｉｄｔｈ', 'full width'],
    ['Ｆｉ ligature ﬁne', 'fi ligature fine'],
    ['Crème BRÛLÉE', 'crème brûlée'],
    ['e-mail me', 'e mail me'],
    ['?!...', ''],
    ["'quoted'", 'quoted'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('keeps offsets into the text so captures return what was typed', () => {
    const { text, tokens } = tokenize('Call me   Ada!');
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['Call', 'me', 'Ada']);
  });
});
