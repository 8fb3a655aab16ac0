import { describe, expect, it } from 'vitest';
import { TypoIndex } from '../src/typo-index';
import { editDistance, maxTypos } from '../src/typos';

describe('editDistance (with swaps)', () => {
  it.each([
    ['weather', 'weather', 0],
    ['weather', 'wether', 1],
    ['weather', 'waether', 1],
    ['the', 'teh', 1],
    ['password', 'pasword', 1],
    ['password', 'psaswrod', 2],
    ['kitten', 'sitting', 3],
  ])('%s ↔ %s = %i', (a, b, d) => {
    expect(editDistance(a, b, 3)).toBe(d);
  });

  it('gives up past the bound', () => {
    expect(editDistance('abcdefgh', 'zzzzzzzz', 2)).toBe(3);
  });
});

describe('TypoIndex', () => {
  const index = new TypoIndex();
  for (const w of ['weather', 'whether', 'password', 'the', 'cat', 'form', 'from']) index.add(w);
  const near = (typed: string) => index.neighbours(typed).map((n) => n.word).sort();

  it.each([
    ['wether', ['weather', 'whether']],
    ['pssword', ['password']],
    ['passwodr', ['password']],
    ['teh', ['the']],
    ['tha', []], // 3-letter words only forgive a swap
    ['cta', ['cat']],
    ['fomr', ['form']],
    ['frm', ['form', 'from']], // 4-letter words forgive one edit, even a dropped letter
    ['banana', []],
  ])('%s → %j', (typed, expected) => {
    expect(near(typed)).toEqual(expected);
  });

  it('forgets removed words', () => {
    const i = new TypoIndex();
    i.add('weather');
    i.remove('weather');
    expect(i.neighbours('wether')).toEqual([]);
  });

  it('keeps the other words of a shared variant when one is removed, and reuses the freed room', () => {
    const i = new TypoIndex();
    for (const w of ['form', 'from', 'farm', 'firm']) i.add(w); // all filed under "frm"
    i.remove('from');
    i.remove('farm');
    expect(i.neighbours('frm').map((n) => n.word).sort()).toEqual(['firm', 'form']);
    i.add('from');
    i.add('fern');
    expect(i.neighbours('frm').map((n) => n.word).sort()).toEqual(['firm', 'form', 'from']);
    expect(i.neighbours('fren').map((n) => n.word)).toEqual(['fern']);
  });

  it('finds words among thousands (the table grows as words are added)', () => {
    const i = new TypoIndex();
    const words = Array.from({ length: 5000 }, (_, n) => `word${n.toString(36)}x`);
    for (const w of words) i.add(w);
    expect(i.neighbours('wrod2bx').map((n) => n.word)).toContain('word2bx');
    expect(i.neighbours('zzzzzzz')).toEqual([]);
  });

  it.each([
    ['at', 0],
    ['the', 1],
    ['four', 1],
    ['sevenxx', 1],
    ['eightxxx', 2],
  ])('maxTypos(%s) = %i', (w, n) => {
    expect(maxTypos(w.length)).toBe(n);
  });
});
