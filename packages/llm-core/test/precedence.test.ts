import { describe, expect, it } from 'vitest';
import { PatternEngine, type Pattern } from '../src/index';

const at = (day: number) => `2025-01-0${day}T10:00:00.000Z`;
const greeting: Pattern = { id: 'greet', trigger: '(hi|hello|hey) [there]', response: 'Hello!', updatedAt: at(1) };

describe('precedence', () => {
  it('the journey’s first claim: a taught `hello` beats the example greeting, in any order', () => {
    const taught: Pattern = { id: '0-taught', trigger: 'hello', response: 'hi there', updatedAt: at(2) };
    for (const order of [[greeting, taught], [taught, greeting]]) {
      expect(new PatternEngine(order).reply('hello').text).toBe('hi there');
    }
    // Exact beats variant even when the greeting was changed later: kind of trigger comes before time.
    const later = new PatternEngine([taught, { ...greeting, updatedAt: at(3) }]);
    expect(later.reply('hello').patternId).toBe('0-taught');
    expect(later.reply('hello there').patternId).toBe('greet');
  });

  it('an exact trigger beats a variant, which beats a wildcard or capture', () => {
    const engine = new PatternEngine([
      { id: 'a-wild', trigger: 'good *', response: 'wild', updatedAt: at(7) },
      { id: 'b-capture', trigger: 'good {when}', response: 'capture', updatedAt: at(9) },
      { id: 'c-variant', trigger: 'good (morning|evening)', response: 'variant', updatedAt: at(8) },
      { id: 'd-exact', trigger: 'good morning', response: 'exact', updatedAt: at(1) },
    ]);
    expect(engine.reply('good morning').text).toBe('exact');
    expect(engine.reply('good evening').text).toBe('variant');
    expect(engine.reply('good night').text).toBe('capture'); // the newer of two equally specific gaps
  });

  it('between equals the pattern taught or changed most recently answers', () => {
    const older: Pattern = { id: 'z', trigger: 'ping', response: 'older', updatedAt: at(1) };
    const newer: Pattern = { id: 'a', trigger: 'PING!', response: 'newer', updatedAt: at(2) };
    expect(new PatternEngine([older, newer]).reply('ping').text).toBe('newer');
    const engine = new PatternEngine([newer, older]);
    engine.add({ ...older, response: 'edited', updatedAt: at(3) }); // an edit makes it the newest
    expect(engine.reply('ping').text).toBe('edited');
    // A pattern without a time counts as older than any with one.
    expect(new PatternEngine([older, { id: 'y', trigger: 'ping', response: 'undated' }]).reply('ping').text).toBe('older');
  });

  it('only equal times fall back to the id, whatever the order patterns were added in', () => {
    const a = { id: 'a', trigger: 'hello', response: 'A', updatedAt: at(1) };
    const b = { id: 'b', trigger: 'Hello!', response: 'B', updatedAt: at(1) };
    expect(new PatternEngine([a, b]).reply('hello').patternId).toBe('a');
    expect(new PatternEngine([b, a]).reply('hello').patternId).toBe('a');
  });
});
