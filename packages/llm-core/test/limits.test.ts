import { describe, expect, it } from 'vitest';
import { InputTooLongError, isEngineError, LIMITS, PatternEngine, TriggerTooComplexError } from '../src/index';

describe('limits', () => {
  const engine = new PatternEngine([{ id: 'a', trigger: 'hello', response: 'hi' }]);

  it.each([
    ['message', () => engine.reply('x'.repeat(LIMITS.message + 1))],
    ['trigger', () => engine.add({ id: 'b', trigger: 'x'.repeat(LIMITS.trigger + 1), response: 'r' })],
    ['response', () => engine.add({ id: 'b', trigger: 't', response: 'x'.repeat(LIMITS.response + 1) })],
    ['trigger', () => new PatternEngine([{ id: 'b', trigger: 'x'.repeat(LIMITS.trigger + 1), response: 'r' }])],
  ])('an over-long %s throws InputTooLongError with code input_too_long', (field, act) => {
    let error: unknown;
    try {
      act();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputTooLongError);
    expect(isEngineError(error) && error.code).toBe('input_too_long');
    expect(isEngineError(error) && error.details.field).toBe(field);
  });

  it('accepts input exactly at the limit', () => {
    const engine = new PatternEngine([{ id: 'a', trigger: 'hello', response: 'hi' }]);
    expect(engine.reply('z'.repeat(LIMITS.message)).patternId).toBeNull();
    engine.add({ id: 'long', trigger: 'w'.repeat(LIMITS.trigger), response: 'r'.repeat(LIMITS.response) });
    expect(engine.reply('w'.repeat(LIMITS.trigger)).patternId).toBe('long');
  });

  it('a trigger with too many alternatives throws TriggerTooComplexError (code trigger_too_complex)', () => {
    const trigger = '(a|b|c|d) (e|f|g|h) (i|j|k|l) (m|n|o|p)';
    expect(() => engine.add({ id: 'c', trigger, response: 'r' })).toThrow(TriggerTooComplexError);
    expect(engine.size).toBe(1);
  });

  it('a failed add changes nothing', () => {
    const e = new PatternEngine([{ id: 'a', trigger: 'hello', response: 'hi' }]);
    expect(() => e.add({ id: 'a', trigger: 'x'.repeat(LIMITS.trigger + 1), response: 'r' })).toThrow();
    expect(e.reply('hello').text).toBe('hi');
  });

  it('matches hostile-looking text literally, never as a regular expression', () => {
    // Regex metacharacters that are not trigger syntax are punctuation: this trigger is the word "a".
    const e = new PatternEngine([{ id: 'r', trigger: '^(a+)+$', response: 'literal' }]);
    expect(e.reply('aaaa').patternId).toBeNull();
    expect(e.reply('a+').patternId).toBe('r');
    // A long message of repeated words against many wildcards stays quick (linear scan per run).
    const w = new PatternEngine([{ id: 'w', trigger: '* a * a * a * a * b', response: 'w' }]);
    expect(w.reply('a '.repeat(900)).patternId).toBeNull();
  });
});
