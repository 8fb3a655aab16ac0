import { describe, expect, it } from 'vitest';
import { EXPORT_FORMAT, LIMITS } from '@journey/llm-core';
import { StoreError } from '@journey/ui';
import { EXAMPLE_PATTERNS } from '../src/web/examples';
import { LocalPatternStore, STORAGE_KEY } from '../src/web/store';
import { TestStorage } from './memory-storage';

const exportText = (patterns: unknown, version = 1) => JSON.stringify({ format: EXPORT_FORMAT, version, exportedAt: '', patterns });

async function rejection(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
}

describe('LocalPatternStore', () => {
  it('seeds the example patterns on the very first run only', async () => {
    const storage = new TestStorage();
    const first = new LocalPatternStore(storage);
    expect((await first.list()).map((p) => p.trigger)).toEqual(EXAMPLE_PATTERNS.map((p) => p.trigger));

    for (const p of await first.list()) await first.remove(p.id);
    expect(await new LocalPatternStore(storage).list()).toEqual([]); // emptied on purpose: no re-seeding
  });

  it('keeps what was taught for the next visit, and answers with it', async () => {
    const storage = new TestStorage();
    const { pattern: taught } = await new LocalPatternStore(storage).add({ trigger: ' good morning ', response: 'Morning!' });
    expect(taught.trigger).toBe('good morning');

    const later = new LocalPatternStore(storage);
    expect(await later.list()).toContainEqual(taught);
    expect(await later.chat('Good morning!')).toMatchObject({ text: 'Morning!', patternId: taught.id });
  });

  it('the first claim: with the examples present, a taught `hello` answers, names the example it overlaps, and still answers after a reload', async () => {
    const storage = new TestStorage();
    const store = new LocalPatternStore(storage);
    const { overlaps } = await store.add({ trigger: 'hello', response: 'hi there' });
    expect(overlaps).toEqual([{ id: expect.any(String), trigger: '(hi|hello|hey) [there]', takesOver: true }]);
    expect((await store.chat('hello')).text).toBe('hi there');
    expect((await new LocalPatternStore(storage).chat('hello')).text).toBe('hi there');
  });

  it('reads patterns saved before they had times', async () => {
    const storage = new TestStorage();
    storage.setItem(STORAGE_KEY, JSON.stringify({ version: 1, patterns: [{ id: 'a', trigger: 'hi', response: 'old' }] }));
    const store = new LocalPatternStore(storage);
    expect(store.problem).toBeNull();
    expect((await store.chat('hi')).text).toBe('old');
  });

  it('persists edits and deletions', async () => {
    const storage = new TestStorage();
    const store = new LocalPatternStore(storage);
    const { pattern: p } = await store.add({ trigger: 'ping', response: 'pong' });
    await store.update(p.id, { response: 'PONG' });
    expect((await new LocalPatternStore(storage).list()).find((x) => x.id === p.id)?.response).toBe('PONG');
    expect((await store.chat('ping')).text).toBe('PONG');

    await store.remove(p.id);
    expect((await new LocalPatternStore(storage).list()).some((x) => x.id === p.id)).toBe(false);
    expect((await store.chat('ping')).patternId).toBeNull();
  });

  it('picks up what another tab saved, so it never writes over it', async () => {
    const storage = new TestStorage();
    const tabA = new LocalPatternStore(storage);
    const tabB = new LocalPatternStore(storage);
    await tabA.add({ trigger: 'from tab a', response: 'A' });

    tabB.reload(); // what the page does on a `storage` event
    await tabB.add({ trigger: 'from tab b', response: 'B' });
    const triggers = (await new LocalPatternStore(storage).list()).map((p) => p.trigger);
    expect(triggers).toEqual(expect.arrayContaining(['from tab a', 'from tab b']));
    expect((await tabB.chat('from tab a')).text).toBe('A');
  });

  it('refuses invalid patterns without saving', async () => {
    const storage = new TestStorage();
    const store = new LocalPatternStore(storage);
    const before = storage.getItem(STORAGE_KEY);
    const error = await rejection(store.add({ trigger: 'x'.repeat(LIMITS.trigger + 1), response: 'ok' }));
    expect(error.code).toBe('invalid');
    expect(storage.getItem(STORAGE_KEY)).toBe(before);
  });

  describe('corrupted storage', () => {
    for (const [what, raw] of [
      ['not JSON', '{"version":1,"patterns":[{'],
      ['another shape', '[1,2,3]'],
      ['an unknown version', '{"version":7,"patterns":[]}'],
      ['incomplete patterns', '{"version":1,"patterns":[{"id":"a","trigger":"hi"}]}'],
    ] as const) {
      it(`explains ${what}, keeps the raw data and writes nothing until reset`, async () => {
        const storage = new TestStorage();
        storage.setItem(STORAGE_KEY, raw);
        const store = new LocalPatternStore(storage);

        expect(store.problem).toBeTruthy();
        expect(store.rawData()).toBe(raw);
        expect((await rejection(store.add({ trigger: 'a', response: 'b' }))).code).toBe('unreadable');
        expect(storage.getItem(STORAGE_KEY)).toBe(raw);

        await store.reset();
        expect(store.problem).toBeNull();
        expect(await store.list()).toHaveLength(EXAMPLE_PATTERNS.length);
        expect(new LocalPatternStore(storage).problem).toBeNull();
      });
    }
  });

  describe('full storage', () => {
    it('says so and changes nothing, in storage or in memory', async () => {
      const storage = new TestStorage();
      const store = new LocalPatternStore(storage);
      const { pattern: existing } = await store.add({ trigger: 'keep me', response: 'kept' });
      const saved = storage.getItem(STORAGE_KEY);
      const listed = await store.list();
      storage.full = true;

      const error = await rejection(store.add({ trigger: 'new one', response: 'lost' }));
      expect(error.code).toBe('storage_full');
      expect(error.message).toMatch(/storage .* is full, so nothing was saved/);
      await rejection(store.update(existing.id, { response: 'changed' }));
      await rejection(store.remove(existing.id));
      await rejection(store.importFile(exportText([{ trigger: 'imported', response: 'x' }])));

      expect(storage.getItem(STORAGE_KEY)).toBe(saved);
      expect(await store.list()).toEqual(listed);
      expect((await store.chat('keep me')).text).toBe('kept');
      expect((await store.chat('new one')).patternId).toBeNull();
    });
  });

  describe('export and import', () => {
    it('round-trips through the versioned file, skipping duplicates', async () => {
      const source = new LocalPatternStore(new TestStorage());
      await source.add({ trigger: 'secret word', response: 'swordfish' });
      const text = JSON.stringify(await source.exportFile());

      const target = new LocalPatternStore(new TestStorage());
      expect(await target.importFile(text)).toBe(1); // the examples are already there
      expect((await target.chat('secret word')).text).toBe('swordfish');
      expect(await target.importFile(text)).toBe(0);
    });

    for (const [what, text, reason] of [
      ['not JSON', 'hello', /not valid JSON/],
      ['another format', JSON.stringify({ patterns: [] }), /not a patterns file/],
      ['a newer version', exportText([], 2), /Unsupported file version 2/],
      ['a broken pattern', exportText([{ trigger: 'a' }]), /Pattern 1/],
      ['an over-long pattern', exportText([{ trigger: 'ok', response: 'r' }, { trigger: 't'.repeat(LIMITS.trigger + 1), response: 'r' }]), /pattern 2 is invalid/],
    ] as const) {
      it(`rejects ${what} and leaves existing patterns untouched`, async () => {
        const storage = new TestStorage();
        const store = new LocalPatternStore(storage);
        const before = storage.getItem(STORAGE_KEY);
        const error = await rejection(store.importFile(text));
        expect(error.message).toMatch(reason);
        expect(storage.getItem(STORAGE_KEY)).toBe(before);
        expect(await store.list()).toHaveLength(EXAMPLE_PATTERNS.length);
      });
    }
  });
});
