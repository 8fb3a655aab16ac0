import { describe, expect, it } from 'vitest';
import { countTokens } from '../src/index';

describe('countTokens', () => {
  it.each([
    ['', 0],
    ['   ', 0],
    ['hi', 1],
    ['hello', 2],
    ['Hello, world!', 6],
    ['internationalization', 5],
    ['3.14', 3],
    ['日本語', 3],
    ['👍', 1],
  ])('%j → %i', (text, expected) => {
    expect(countTokens(text)).toBe(expected);
  });

  it('grows with the text', () => {
    expect(countTokens('a longer sentence with several words')).toBeGreaterThan(countTokens('short one'));
  });
});
