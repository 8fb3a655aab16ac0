/** Fired (bubbling, across shadow roots) after a component changed the patterns in the store. */
export const PATTERNS_CHANGED = 'patterns-changed';
/** Fired by the pattern list's "Load more": the page fetches the next page of a server's patterns. */
export const LOAD_MORE = 'load-more';

const options = { bubbles: true, composed: true };

export function patternsChanged(): Event {
  return new Event(PATTERNS_CHANGED, options);
}

export function loadMore(): Event {
  return new Event(LOAD_MORE, options);
}

declare global {
  interface HTMLElementEventMap {
    [PATTERNS_CHANGED]: Event;
    [LOAD_MORE]: Event;
  }
}
