import { describe, expect, it } from 'vitest';
import type { Pattern } from '@journey/llm-core';
import { createEngineCache } from '../src/server/engine-cache';

const patternsOf: Record<string, Pattern[]> = {
  ada: [{ id: 'a1', trigger: 'hello', response: 'hi Ada' }],
  bob: [{ id: 'b1', trigger: 'hello', response: 'hi Bob' }],
  cy: [{ id: 'c1', trigger: 'hello', response: 'hi Cy' }],
};

describe('createEngineCache', () => {
  it("builds each user's engine from that user's patterns only, once", () => {
    const loads: string[] = [];
    const cache = createEngineCache((userId) => (loads.push(userId), patternsOf[userId]!), 'fallback');
    expect(cache.get('ada').reply('hello').text).toBe('hi Ada');
    expect(cache.get('bob').reply('hello').text).toBe('hi Bob');
    expect(cache.get('ada').reply('nothing here').text).toBe('fallback');
    expect(loads).toEqual(['ada', 'bob']);
  });

  it('keeps the most recently used engines and rebuilds the others on demand', () => {
    const loads: string[] = [];
    const cache = createEngineCache((userId) => (loads.push(userId), patternsOf[userId]!), 'fallback', 2);
    cache.get('ada');
    cache.get('bob');
    cache.get('ada'); // ada is now the most recent: bob goes first
    cache.get('cy');
    expect(cache.size).toBe(2);
    cache.get('ada');
    expect(loads).toEqual(['ada', 'bob', 'cy']);
    cache.get('bob');
    expect(loads).toEqual(['ada', 'bob', 'cy', 'bob']);
  });

  it("invalidate(user) makes that user's next engine come from the database again, and only theirs", () => {
    const stored = structuredClone(patternsOf);
    const cache = createEngineCache((userId) => stored[userId]!, 'fallback');
    expect(cache.get('ada').reply('hello').text).toBe('hi Ada');
    expect(cache.get('bob').reply('hello').text).toBe('hi Bob');
    // Written behind the cache's back (another process, another instance).
    stored.ada = [{ id: 'a2', trigger: 'hello', response: 'hello again, Ada' }];
    stored.bob = [{ id: 'b2', trigger: 'hello', response: 'hello again, Bob' }];
    expect(cache.get('ada').reply('hello').text).toBe('hi Ada');
    cache.invalidate('ada');
    expect(cache.get('ada').reply('hello').text).toBe('hello again, Ada');
    expect(cache.get('bob').reply('hello').text).toBe('hi Bob');
  });
});
