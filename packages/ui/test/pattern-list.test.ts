import { afterEach, describe, expect, it, vi } from 'vitest';
import '../src/pattern-list';
import type { PatternList } from '../src/pattern-list';
import { MemoryStore } from './memory-store';
import { $, $$, mount, settle, submit, text, type } from './dom';

afterEach(() => document.body.replaceChildren());

async function listOf(store: MemoryStore) {
  const list = await mount<PatternList>('journey-pattern-list', { store, patterns: await store.list() });
  // The app shell reloads the list on patterns-changed; do the same here.
  list.addEventListener('patterns-changed', async () => (list.patterns = await store.list()));
  return list;
}

function click(list: PatternList, selector: string) {
  $(list, selector).click();
  return settle(list);
}

describe('pattern list', () => {
  it('says so when there are no patterns', async () => {
    const list = await listOf(new MemoryStore());
    expect(text(list)).toContain('No patterns yet');
  });

  it('says who taught each pattern when the patterns carry it, and nothing when they do not', async () => {
    const list = await mount<PatternList>('journey-pattern-list', {
      patterns: [
        { id: 'a', trigger: 'hello', response: 'Hi!', createdBy: { email: 'ada@example.com' } },
        { id: 'b', trigger: 'bye', response: 'Bye!', createdBy: null },
        { id: 'c', trigger: 'thanks', response: 'You are welcome' },
      ],
    });
    expect($$(list, 'li').map((li) => li.querySelector('.taught-by')?.textContent ?? null)).toEqual([
      'Taught by ada@example.com',
      'Taught by a former member',
      null,
    ]);
  });

  it('filters by trigger or response as you type', async () => {
    const store = new MemoryStore([
      { trigger: 'hello', response: 'Hi!' },
      { trigger: 'bye', response: 'See you later' },
    ]);
    const list = await listOf(store);
    type($(list, '#search'), 'LATER');
    await settle(list);
    expect($$(list, 'li .trigger').map((el) => el.textContent)).toEqual(['bye']);
    type($(list, '#search'), 'zzz');
    await settle(list);
    expect(text(list)).toContain('No pattern matches “zzz”');
  });

  it('edits a pattern in place', async () => {
    const store = new MemoryStore([{ trigger: 'hello', response: 'Hi!' }]);
    const list = await listOf(store);
    await click(list, 'button.edit');
    expect(list.shadowRoot!.activeElement?.id).toBe('edit-trigger');
    type($(list, '#edit-response'), 'Hello to you!');
    await submit(list, 'li.editing form');
    expect(store.patterns[0]).toMatchObject({ trigger: 'hello', response: 'Hello to you!' });
    expect($(list, 'li .response').textContent).toBe('Hello to you!');
  });

  it('after an edit, says which patterns it now overlaps and which one keeps answering', async () => {
    const store = new MemoryStore([
      { trigger: 'hello', response: 'Hi!' },
      { trigger: 'good morning', response: 'Morning!' },
      { trigger: 'bye', response: 'Bye!' },
    ]);
    const list = await listOf(store);
    await click(list, 'li[data-id="p3"] button.edit');
    type($(list, '#edit-trigger'), '(hello|good morning) *');
    await submit(list, 'li.editing form');
    expect($(list, '.overlap').textContent!.replace(/\s+/g, ' ').trim()).toBe(
      '“(hello|good morning) *” is also answered by good morning and hello. They are more exact and will keep answering where both match.',
    );
  });

  it('drops a pattern that was deleted elsewhere when its edit is saved, and says so', async () => {
    const store = new MemoryStore([{ trigger: 'hello', response: 'Hi!' }]);
    const list = await listOf(store);
    await click(list, 'button.edit');
    store.patterns = []; // another browser deleted it meanwhile
    type($(list, '#edit-response'), 'Hello to you!');
    await submit(list, 'li.editing form');
    await settle(list);
    expect(text(list)).toContain('That pattern no longer exists.');
    expect($$(list, 'li .trigger')).toEqual([]);
  });

  it('does not save an invalid edit', async () => {
    const store = new MemoryStore([{ trigger: 'hello', response: 'Hi!' }]);
    const list = await listOf(store);
    await click(list, 'button.edit');
    type($(list, '#edit-trigger'), '   ');
    await submit(list, 'li.editing form');
    expect(text(list)).toContain('Enter a trigger.');
    expect(store.patterns[0]!.trigger).toBe('hello');
  });

  it('deletes only after a confirm', async () => {
    const store = new MemoryStore([{ trigger: 'hello', response: 'Hi!' }]);
    const list = await listOf(store);
    const changed = vi.fn();
    list.addEventListener('patterns-changed', changed);

    await click(list, 'button.delete');
    expect(text(list)).toContain('Delete “hello”?');
    await click(list, '.confirm button.quiet'); // Cancel
    expect(store.patterns).toHaveLength(1);

    await click(list, 'button.delete');
    await click(list, '.confirm button.danger');
    expect(store.patterns).toEqual([]);
    expect(changed).toHaveBeenCalledOnce();
    expect(text(list)).toContain('No patterns yet');
  });
});
