import type { PatternInput } from '@journey/llm-core';

/**
 * Two patterns are the same when trigger (ignoring case) and response match, as in stage 1's import.
 * Its own module: the examples use it without pulling in the services (and their request types).
 */
export const signature = (p: PatternInput) => `${p.trigger.toLowerCase()}\u0000${p.response}`;
