import { afterEach, describe, expect, it } from 'vitest';
import '../src/chat-panel';
import type { ChatPanel } from '../src/chat-panel';
import { StoreError } from '../src/store';
import { MemoryStore } from './memory-store';
import { $, $$, mount, settle, submit, type } from './dom';

afterEach(() => document.body.replaceChildren());

async function say(panel: ChatPanel, message: string) {
  type($(panel, '#message'), message);
  await submit(panel);
}

describe('chat panel', () => {
  it('shows the answer, the pattern that gave it and the confidence', async () => {
    const store = new MemoryStore([{ trigger: 'hello', response: 'Hi there!' }]);
    const panel = await mount<ChatPanel>('journey-chat-panel', { store, patterns: await store.list() });
    await say(panel, 'Hello!');

    const [mine, answer] = $$(panel, '.log li');
    expect(mine!.textContent).toContain('Hello!');
    expect(answer!.querySelector('.bubble')!.textContent).toBe('Hi there!');
    expect(answer!.querySelector('.meta')!.textContent).toMatch(/Answered by “hello”\s+100% match/);
    expect(answer!.classList.contains('fallback')).toBe(false);
    expect($<HTMLInputElement>(panel, '#message').value).toBe('');
  });

  it('shows what a {capture} picked up from the message', async () => {
    const store = new MemoryStore([{ trigger: 'my name is {name}', response: 'Hi {name}!' }]);
    const panel = await mount<ChatPanel>('journey-chat-panel', { store });
    await say(panel, 'my name is Ada');
    expect($(panel, '.log li.bot .meta').textContent).toContain('{name} = Ada');
  });

  it('marks a fallback answer as such', async () => {
    const store = new MemoryStore();
    const panel = await mount<ChatPanel>('journey-chat-panel', { store });
    await say(panel, 'anything');

    const answer = $$(panel, '.log li.bot')[0]!;
    expect(answer.classList.contains('fallback')).toBe(true);
    expect(answer.textContent).toContain('No pattern matched');
  });

  it('sends a suggestion with one click while the conversation is empty', async () => {
    const store = new MemoryStore([{ trigger: 'hello', response: 'Hi there!' }]);
    const panel = await mount<ChatPanel>('journey-chat-panel', { store, suggestions: ['hello'] });
    $(panel, '.suggestions button').click();
    await settle(panel);
    expect($$(panel, '.log .bubble').map((el) => el.textContent)).toEqual(['hello', 'Hi there!']);
    expect($$(panel, '.suggestions')).toEqual([]);
  });

  it('"why?" shows how the pattern matched: the kind of match, the words found and the typos read', async () => {
    const store = new MemoryStore([{ trigger: 'what is the weather', response: 'Sunny.' }]);
    const panel = await mount<ChatPanel>('journey-chat-panel', { store, patterns: await store.list() });
    await say(panel, 'whats teh weather');
    const why = $(panel, '.log li.bot .why-toggle');
    expect(why.tagName).toBe('BUTTON');
    expect(why.getAttribute('aria-expanded')).toBe('false');
    expect($$(panel, '.why')).toEqual([]);

    why.click();
    await settle(panel);
    expect(why.getAttribute('aria-expanded')).toBe('true');
    const panelText = $(panel, `#${why.getAttribute('aria-controls')}`).textContent!.replace(/\s+/g, ' ');
    expect(panelText).toContain('Close match');
    expect(panelText).toContain('Matched words: what is the weather');
    expect(panelText).toContain('Typos read as: teh → the');

    why.click();
    await settle(panel);
    expect($$(panel, '.why')).toEqual([]);
  });

  it('a fallback offers "did you mean" buttons that ask that question', async () => {
    const store = new MemoryStore([
      { trigger: 'what are your opening hours on sunday', response: 'Closed on Sundays.' },
      { trigger: 'what are your opening hours on monday', response: 'Nine to five.' },
    ]);
    const panel = await mount<ChatPanel>('journey-chat-panel', { store });
    await say(panel, 'what are your opening hours');
    const chips = $$(panel, '.did-you-mean button');
    expect(chips.map((c) => c.textContent!.trim()).sort()).toEqual([
      'what are your opening hours on monday',
      'what are your opening hours on sunday',
    ]);
    chips.find((c) => c.textContent!.includes('monday'))!.click();
    await settle(panel);
    expect($$(panel, '.log li.bot .bubble').at(-1)!.textContent).toBe('Nine to five.');
  });

  it('announces replies politely to screen readers', async () => {
    const panel = await mount<ChatPanel>('journey-chat-panel', { store: new MemoryStore() });
    expect($(panel, '.log').getAttribute('aria-live')).toBe('polite');
  });

  it('sends nothing for an empty message', async () => {
    const panel = await mount<ChatPanel>('journey-chat-panel', { store: new MemoryStore() });
    await say(panel, '   ');
    expect($$(panel, '.log li.you')).toEqual([]);
  });

  it('shows a store error to the person', async () => {
    const store = new MemoryStore();
    store.failWith = new StoreError('The server is not answering.');
    const panel = await mount<ChatPanel>('journey-chat-panel', { store });
    await say(panel, 'hello');
    expect($(panel, '[role=alert]').textContent).toBe('The server is not answering.');
  });
});
