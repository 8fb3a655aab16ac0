import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PatternEngine, type Pattern } from '../src/index';

// Words from a small alphabet so that patterns share words, as real ones do.
const word = fc.stringMatching(/^[a-z]{1,8}$/);
const phrase = fc.array(word, { minLength: 1, maxLength: 6 }).map((ws) => ws.join(' '));
const patternList = fc
  .uniqueArray(fc.record({ trigger: phrase, response: fc.string({ minLength: 1, maxLength: 20 }) }), {
    selector: (p) => p.trigger,
    maxLength: 30,
  })
  .map((ps) => ps.map((p, i): Pattern => ({ id: `p${i}`, ...p, response: `${p.response.replaceAll('|', '')} #${i}` })));

/** Plain, variant and wildcard triggers with times from a short list, so equal kinds and equal times both happen. */
const datedPatterns = fc
  .array(
    fc.record({
      words: fc.array(fc.constantFrom('hi', 'yo', 'cat', 'dog', 'sun'), { minLength: 1, maxLength: 3 }), // few words: many ties
      shape: fc.constantFrom('plain', 'optional', 'either', 'wildcard'),
      day: fc.integer({ min: 1, max: 3 }),
    }),
    { minLength: 1, maxLength: 25 },
  )
  .map((ps) =>
    ps.map(({ words, shape, day }, i): Pattern => {
      const [first, ...rest] = words;
      const head = shape === 'optional' ? `[${first}]` : shape === 'either' ? `(${first}|${rest[0] ?? 'x'})` : first;
      const trigger = `${head} ${rest.join(' ')}${shape === 'wildcard' ? ' *' : ''}`;
      return { id: `p${i}`, trigger, response: `r${i}`, updatedAt: `2025-01-0${day}T00:00:00.000Z` };
    }),
  );

/** Re-types a message: random case, punctuation between words, extra spaces. */
const retyped = (message: string) =>
  fc.tuple(fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }), fc.constantFrom('', '!', '?', '...', ',')).map(([upper, punct]) =>
    `  ${[...message].map((ch, i) => (upper[i % 64] ? ch.toUpperCase() : ch)).join('').split(' ').join(`${punct}   `)}${punct} `,
  );

describe('properties', () => {
  it('a taught trigger answers with its own response', () => {
    fc.assert(
      fc.property(patternList, phrase, fc.string({ maxLength: 20 }), (others, trigger, response) => {
        const engine = new PatternEngine(others.filter((p) => p.trigger !== trigger));
        engine.add({ id: 'taught', trigger, response: `${response.replaceAll('|', '')}!` });
        const reply = engine.reply(trigger);
        expect(reply.patternId).toBe('taught');
        expect(reply.confidence).toBe(1);
      }),
    );
  });

  it('answers do not change with case, punctuation or spacing', () => {
    fc.assert(
      fc.property(
        patternList,
        phrase.chain((m) => fc.tuple(fc.constant(m), retyped(m))),
        (patterns, [message, variant]) => {
          const engine = new PatternEngine(patterns);
          expect(engine.reply(variant)).toEqual(engine.reply(message));
        },
      ),
    );
  });

  it('add then remove restores the previous answers', () => {
    fc.assert(
      fc.property(patternList, fc.array(phrase, { maxLength: 10 }), phrase, (patterns, messages, trigger) => {
        const engine = new PatternEngine(patterns);
        const probes = [...messages, trigger, ...patterns.map((p) => p.trigger)];
        const before = probes.map((m) => engine.reply(m));
        engine.add({ id: 'new', trigger, response: 'new' });
        engine.remove('new');
        expect(probes.map((m) => engine.reply(m))).toEqual(before);
      }),
    );
  });

  it('confidence stays within [0, 1] and replies are deterministic', () => {
    fc.assert(
      fc.property(patternList, fc.string({ maxLength: 80 }), (patterns, message) => {
        const engine = new PatternEngine(patterns);
        const reply = engine.reply(message);
        expect(reply.confidence).toBeGreaterThanOrEqual(0);
        expect(reply.confidence).toBeLessThanOrEqual(1);
        expect(new PatternEngine([...patterns].reverse()).reply(message)).toEqual(reply);
      }),
    );
  });

  it('precedence is total: the same dated patterns in any order give the same answers', () => {
    fc.assert(
      fc.property(
        datedPatterns.chain((ps) => fc.tuple(fc.constant(ps), fc.shuffledSubarray(ps, { minLength: ps.length, maxLength: ps.length }))),
        fc.array(fc.constantFrom('hi', 'yo cat', 'dog sun hi', 'cat cat'), { maxLength: 5 }),
        ([patterns, shuffled], messages) => {
          const probes = [...messages, ...patterns.map((p) => p.trigger.replace(/[()[\]|*]/g, ' '))];
          const a = new PatternEngine(patterns);
          const b = new PatternEngine([]);
          shuffled.forEach((p) => b.add(p));
          expect(probes.map((m) => b.reply(m))).toEqual(probes.map((m) => a.reply(m)));
        },
      ),
    );
  });

  it('adding an unrelated pattern (other words, or even a wildcard that matches too) never changes an exact match’s answer', () => {
    fc.assert(
      fc.property(patternList, fc.nat(), phrase, fc.nat(3), (patterns, pick, words, shape) => {
        fc.pre(patterns.length > 0);
        const message = patterns[pick % patterns.length]!.trigger;
        const [first] = message.split(' ');
        // Other words, or a wildcard that matches the message too: exact matches come first either way.
        const trigger = [words, `${words} *`, `${first} *`, `* ${message}`][shape]!;
        fc.pre(trigger !== message);
        const engine = new PatternEngine(patterns);
        const before = engine.reply(message);
        engine.add({ id: 'unrelated', trigger, response: 'unrelated', updatedAt: '2099-01-01T00:00:00.000Z' });
        expect(engine.reply(message)).toEqual(before);
      }),
    );
  });
});
