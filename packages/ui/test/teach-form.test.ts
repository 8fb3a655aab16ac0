import { afterEach, describe, expect, it, vi } from 'vitest';
import { LIMITS } from '@journey/llm-core';
import '../src/teach-form';
import type { TeachForm } from '../src/teach-form';
import { StoreError } from '../src/store';
import { MemoryStore } from './memory-store';
import { $, mount, settle, submit, text, type } from './dom';

afterEach(() => document.body.replaceChildren());

describe('teach form', () => {
  it('saves a valid pattern, announces it, clears the form and fires patterns-changed', async () => {
    const store = new MemoryStore();
    const form = await mount<TeachForm>('journey-teach-form', { store });
    const changed = vi.fn();
    form.addEventListener('patterns-changed', changed);

    type($(form, '#trigger'), '  my name is {name} ');
    type($(form, '#response'), 'Nice to meet you, {name}!');
    await submit(form);

    expect(store.patterns).toMatchObject([{ id: 'p1', trigger: 'my name is {name}', response: 'Nice to meet you, {name}!' }]);
    expect(changed).toHaveBeenCalledOnce();
    expect($(form, '[role=status]').textContent).toContain('Learned “my name is {name}”');
    expect($<HTMLInputElement>(form, '#trigger').value).toBe('');
  });

  it('prefill opens the form on a trigger, clears the reply, and puts the focus there (stage 5\'s "Teach this")', async () => {
    const store = new MemoryStore();
    const form = await mount<TeachForm>('journey-teach-form', { store });
    type($(form, '#response'), 'left over');
    await form.prefill('when are you open');
    expect($<HTMLInputElement>(form, '#trigger').value).toBe('when are you open');
    expect($<HTMLTextAreaElement>(form, '#response').value).toBe('');
    expect(form.shadowRoot!.activeElement?.id).toBe('response');
  });

  it('says which pattern already answered the new trigger, and that the new one takes over', async () => {
    const store = new MemoryStore([{ trigger: '(hi|hello|hey) [there]', response: 'Hello!' }]);
    const form = await mount<TeachForm>('journey-teach-form', { store });
    type($(form, '#trigger'), 'hello');
    type($(form, '#response'), 'hi there');
    await submit(form);
    expect($(form, '.overlap').textContent!.replace(/\s+/g, ' ').trim()).toBe(
      '“hello” is already answered by (hi|hello|hey) [there]; yours will take over.',
    );
    type($(form, '#trigger'), 'what is new'); // the notice is about the last pattern taught: typing clears it
    await settle(form);
    expect(form.shadowRoot!.querySelector('.overlap')).toBeNull();
  });

  it('shows no overlap notice when nothing else answers the same messages', async () => {
    const store = new MemoryStore([{ trigger: '(hi|hello|hey) [there]', response: 'Hello!' }]);
    const form = await mount<TeachForm>('journey-teach-form', { store });
    type($(form, '#trigger'), 'good morning');
    type($(form, '#response'), 'Morning!');
    await submit(form);
    expect(text(form)).toContain('Learned “good morning”');
    expect(form.shadowRoot!.querySelector('.overlap')).toBeNull();
  });

  it('explains empty fields inline and saves nothing', async () => {
    const store = new MemoryStore();
    const form = await mount<TeachForm>('journey-teach-form', { store });
    await submit(form);

    expect(text(form)).toContain('Enter a trigger.');
    expect(text(form)).toContain('Enter a response.');
    expect($(form, '#trigger').getAttribute('aria-invalid')).toBe('true');
    expect($(form, '#trigger').getAttribute('aria-describedby')).toContain('trigger-error');
    expect(store.patterns).toEqual([]);
  });

  it('refuses an over-long trigger with the limit in the message', async () => {
    const store = new MemoryStore();
    const form = await mount<TeachForm>('journey-teach-form', { store });
    type($(form, '#trigger'), 'x'.repeat(LIMITS.trigger + 1));
    type($(form, '#response'), 'fine');
    await submit(form);

    expect(text(form)).toContain(`Keep the trigger to ${LIMITS.trigger} characters`);
    expect(store.patterns).toEqual([]);
  });

  it('shows the store’s message when saving fails', async () => {
    const store = new MemoryStore();
    store.failWith = new StoreError('Storage is full.');
    const form = await mount<TeachForm>('journey-teach-form', { store });
    type($(form, '#trigger'), 'hi');
    type($(form, '#response'), 'hello');
    await submit(form);

    expect($(form, '[role=alert]').textContent).toBe('Storage is full.');
    expect($<HTMLInputElement>(form, '#trigger').value).toBe('hi'); // nothing typed is lost
  });
});
