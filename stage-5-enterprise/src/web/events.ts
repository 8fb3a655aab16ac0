import type { User } from '../shared/api';

/**
 * What the account components tell the page, by name. They bubble across shadow roots, so the page
 * listens on itself (as for @journey/ui's PATTERNS_CHANGED).
 */
export const SIGNED_IN = 'signed-in';
export const SIGNED_OUT = 'signed-out';
/** A new account, just made on the sign-up form (fired before SIGNED_IN): the page opens the getting-started guide. */
export const SIGNED_UP = 'signed-up';
/** A new password is set (and every session ended). */
export const RESET_DONE = 'reset-done';
/**
 * The user's organizations changed: switched, created, joined, left or deleted. The page reloads
 * them and the active one's patterns, and shows the notice if there is one.
 */
export const ORGS_CHANGED = 'orgs-changed';
export type OrgsChange = { notice?: string };
/** Someone asked to see the plans (the usage card's "Change plan"): the page opens the upgrade dialog. */
export const OPEN_PLANS = 'open-plans';

const options = { bubbles: true, composed: true };
export const signedIn = (user: User) => new CustomEvent<User>(SIGNED_IN, { ...options, detail: user });
export const signedUp = () => new Event(SIGNED_UP, options);
export const signedOut = () => new Event(SIGNED_OUT, options);
export const resetDone = () => new Event(RESET_DONE, options);
export const orgsChanged = (change: OrgsChange = {}) => new CustomEvent<OrgsChange>(ORGS_CHANGED, { ...options, detail: change });
export const openPlans = () => new Event(OPEN_PLANS, options);

declare global {
  interface HTMLElementEventMap {
    [SIGNED_IN]: CustomEvent<User>;
    [SIGNED_OUT]: Event;
    [SIGNED_UP]: Event;
    [RESET_DONE]: Event;
    [ORGS_CHANGED]: CustomEvent<OrgsChange>;
    [OPEN_PLANS]: Event;
  }
}
