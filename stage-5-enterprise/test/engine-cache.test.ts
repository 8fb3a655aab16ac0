import { describe, expect, it } from 'vitest';
import type { Pattern } from '@journey/llm-core';
import { createEngineCache } from '../src/server/engine-cache';

const patternsOf: Record<string, Pattern[]> = {
  acme: [{ id: 'a1', trigger: 'hello', response: 'hi Ada' }],
  globex: [{ id: 'b1', trigger: 'hello', response: 'hi Bob' }],
  initech: [{ id: 'c1', trigger: 'hello', response: 'hi Cy' }],
};

/** The cache as the service uses it: each get says which patterns version the database is at (0 unless given). */
function cacheOver(load: (orgId: string) => Promise<Pattern[]>, capacity?: number) {
  const cache = createEngineCache('fallback', { capacity });
  return {
    get: (orgId: string, version = 0) => cache.get(orgId, { version, load: () => load(orgId) }),
    advance: cache.advance,
    behind: cache.behind,
    invalidate: cache.invalidate,
    get size() {
      return cache.size;
    },
    get patterns() {
      return cache.patterns;
    },
  };
}

describe('createEngineCache', async () => {
  it("builds each organization's engine from its patterns only, once", async () => {
    const loads: string[] = [];
    const cache = cacheOver(async (orgId) => (loads.push(orgId), patternsOf[orgId]!));
    expect((await cache.get('acme')).reply('hello').text).toBe('hi Ada');
    expect((await cache.get('globex')).reply('hello').text).toBe('hi Bob');
    expect((await cache.get('acme')).reply('nothing here').text).toBe('fallback');
    expect(loads).toEqual(['acme', 'globex']);
  });

  it('keeps the most recently used engines, up to a number of patterns, and rebuilds the others on demand', async () => {
    const loads: string[] = [];
    const cache = cacheOver(async (orgId) => (loads.push(orgId), patternsOf[orgId]!), 2);
    await cache.get('acme');
    await cache.get('globex');
    await cache.get('acme'); // ada is now the most recent: bob goes first
    await cache.get('initech');
    expect(cache.size).toBe(2);
    await cache.get('acme');
    expect(loads).toEqual(['acme', 'globex', 'initech']);
    await cache.get('globex');
    expect(loads).toEqual(['acme', 'globex', 'initech', 'globex']);
  });

  it("invalidate(org) makes that organization's next engine come from the database again, and only its", async () => {
    const stored = structuredClone(patternsOf);
    const cache = cacheOver(async (orgId) => stored[orgId]!);
    expect((await cache.get('acme')).reply('hello').text).toBe('hi Ada');
    expect((await cache.get('globex')).reply('hello').text).toBe('hi Bob');
    // Written behind the cache's back (another process, another instance).
    stored.acme = [{ id: 'a2', trigger: 'hello', response: 'hello again, Ada' }];
    stored.globex = [{ id: 'b2', trigger: 'hello', response: 'hello again, Bob' }];
    expect((await cache.get('acme')).reply('hello').text).toBe('hi Ada');
    cache.invalidate('acme');
    expect([cache.size, cache.patterns]).toEqual([1, 1]); // acme's engine no longer counts against the bound
    expect((await cache.get('acme')).reply('hello').text).toBe('hello again, Ada');
    expect((await cache.get('globex')).reply('hello').text).toBe('hi Bob');
  });
});

describe('createEngineCache, across instances (patterns versions)', () => {
  it('an engine older than the version the database is at is rebuilt; one as new or newer is kept', async () => {
    const stored = structuredClone(patternsOf);
    let loads = 0;
    const cache = cacheOver(async (orgId) => (loads++, stored[orgId]!));
    expect((await cache.get('acme', 3)).reply('hello').text).toBe('hi Ada');
    stored.acme = [{ id: 'a2', trigger: 'hello', response: 'hello again, Ada' }]; // another instance taught (version 4)
    expect((await cache.get('acme', 3)).reply('hello').text).toBe('hi Ada'); // a transaction that began before it
    expect((await cache.get('acme', 4)).reply('hello').text).toBe('hello again, Ada');
    expect((await cache.get('acme', 2)).reply('hello').text).toBe('hello again, Ada');
    expect(loads).toBe(2);
  });

  it("advance() keeps an engine changed in place only when it was exactly at the write's previous version", async () => {
    const cache = cacheOver(async (orgId) => [...patternsOf[orgId]!]);
    const acme = await cache.get('acme', 1);
    acme.add({ id: 'a2', trigger: 'bye', response: 'bye Ada' });
    cache.advance('acme', acme, 1, 2);
    expect(await cache.get('acme', 2)).toBe(acme);
    cache.advance('acme', acme, 4, 5); // someone else wrote 3 and 4: this engine misses them
    expect(await cache.get('acme', 5)).not.toBe(acme);
  });

  it('behind() says whether a built engine is older than the version heard', async () => {
    const cache = cacheOver(async (orgId) => patternsOf[orgId]!);
    expect(cache.behind('acme', 1)).toBe(false); // none here
    await cache.get('acme', 5);
    expect(cache.behind('acme', 5)).toBe(false);
    expect(cache.behind('acme', 6)).toBe(true);
  });

  it('an older engine catches up in place when the snapshot says what changed since its version', async () => {
    const cache = createEngineCache('fallback');
    const since: number[] = [];
    const acme = await cache.get('acme', { version: 1, load: async () => [{ id: 'a1', trigger: 'hello', response: 'hi' }, { id: 'a2', trigger: 'bye', response: 'ciao' }] });
    const snapshot = {
      version: 3,
      load: () => Promise.reject(new Error('no rebuild expected')),
      catchUp: async (from: number) => {
        since.push(from);
        return { written: [{ id: 'a1', trigger: 'hello', response: 'hello again' }, { id: 'a3', trigger: 'new', response: 'fresh' }], ids: new Set(['a1', 'a3']) };
      },
    };
    const [first, second] = await Promise.all([cache.get('acme', snapshot), cache.get('acme', snapshot)]);
    expect([first, second]).toEqual([acme, acme]); // the same engine, once
    expect(since).toEqual([1]);
    expect(acme.reply('hello').text).toBe('hello again');
    expect(acme.reply('new').text).toBe('fresh');
    expect(acme.reply('bye').patternId).toBeNull(); // deleted: its id was not among the rows
  });

  it('news heard during a catch-up is not applied under it; a newer version waits for it, then catches up from it', async () => {
    const cache = createEngineCache('fallback');
    const acme = await cache.get('acme', { version: 1, load: async () => [{ id: 'a1', trigger: 'hello', response: 'hi' }] });
    let finish!: () => void;
    const slow = new Promise<void>((resolve) => (finish = resolve));
    const since: number[] = [];
    const catchUp = async (from: number) => {
      since.push(from);
      if (from === 1) await slow;
      return { written: [], ids: new Set(['a1']) };
    };
    const noRebuild = () => Promise.reject(new Error('no rebuild expected'));
    const toTwo = cache.get('acme', { version: 2, load: noRebuild, catchUp });
    expect(cache.holds('acme', 2)).toBe(false);
    expect(cache.patch('acme', 2, 3, () => expect.unreachable())).toBe(false); // news of version 3 waits for the next chat
    const toThree = cache.get('acme', { version: 3, load: noRebuild, catchUp });
    finish();
    expect(await toTwo).toBe(acme);
    expect(await toThree).toBe(acme);
    expect(since).toEqual([1, 2]);
    expect(cache.holds('acme', 3)).toBe(true);
  });
});

describe('createEngineCache, concurrently', () => {
  it('requests arriving while an engine is built share that one build', async () => {
    let loads = 0;
    const cache = cacheOver(async (orgId) => (loads++, await new Promise((r) => setTimeout(r, 20)), patternsOf[orgId]!));
    const engines = await Promise.all([cache.get('acme'), cache.get('acme'), cache.get('acme')]);
    expect(loads).toBe(1);
    expect(new Set(engines).size).toBe(1);
  });

  it('a build that fails is not kept: the next request tries again', async () => {
    let fail = true;
    const cache = cacheOver(async (orgId) => {
      if (fail) throw new Error('database down');
      return patternsOf[orgId]!;
    });
    await expect(cache.get('acme')).rejects.toThrow('database down');
    fail = false;
    expect((await cache.get('acme')).reply('hello').text).toBe('hi Ada');
  });

  it('counts patterns, not engines: one big engine pushes out several small ones, but always stays itself', async () => {
    const big: Pattern[] = Array.from({ length: 5 }, (_, i) => ({ id: `big${i}`, trigger: `word ${i}`, response: 'big' }));
    const loads: string[] = [];
    const cache = cacheOver(async (orgId) => (loads.push(orgId), orgId === 'big' ? big : patternsOf[orgId]!), 3);
    await cache.get('acme');
    await cache.get('globex');
    await cache.get('initech');
    expect([cache.size, cache.patterns]).toEqual([3, 3]);
    expect((await cache.get('big')).reply('word 3').text).toBe('big'); // 5 patterns, over the capacity on its own
    expect([cache.size, cache.patterns]).toEqual([1, 5]);
    await cache.get('acme'); // the big one is now the oldest and goes
    expect([cache.size, cache.patterns]).toEqual([1, 1]);
    expect(loads).toEqual(['acme', 'globex', 'initech', 'big', 'acme']);
  });

  it('notices an engine that grew since its last use', async () => {
    const cache = cacheOver(async (orgId) => [...patternsOf[orgId]!], 3);
    await cache.get('acme');
    const globex = await cache.get('globex');
    globex.add({ id: 'b2', trigger: 'bye', response: 'bye Bob' });
    globex.add({ id: 'b3', trigger: 'thanks', response: 'welcome' });
    await cache.get('globex');
    expect([cache.size, cache.patterns]).toEqual([1, 3]);
  });
});
