/** Fired (bubbling, across shadow roots) after a component changed the patterns in the store. */
export const PATTERNS_CHANGED = 'patterns-changed';

export function patternsChanged(): Event {
  return new Event(PATTERNS_CHANGED, { bubbles: true, composed: true });
}

declare global {
  interface HTMLElementEventMap {
    [PATTERNS_CHANGED]: Event;
  }
}
