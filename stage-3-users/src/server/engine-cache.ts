import { PatternEngine, type Pattern } from '@journey/llm-core';

/**
 * How many patterns the cached engines may hold together. An engine's memory grows with its
 * patterns, so the bound counts patterns, not engines: 500 small users' engines, or 50 full ones.
 */
export const DEFAULT_CACHED_PATTERNS = 50_000;

/**
 * One engine per user, because each user's chat must only ever know that user's patterns. An
 * engine is built from the database the first time a user needs it, then kept in step by the
 * service. A Map remembers insertion order, which makes it a small least-recently-used cache: when
 * the engines hold more patterns than `capacity`, the least recently used ones are dropped (and
 * rebuilt from the database if their user comes back). The engine just asked for always stays.
 */
export function createEngineCache(load: (userId: string) => Pattern[], fallback: string, capacity = DEFAULT_CACHED_PATTERNS) {
  const engines = new Map<string, { engine: PatternEngine; size: number }>();
  let held = 0; // patterns in the cached engines, as of each one's last use

  return {
    /** The user's engine, built if needed, and marked as the most recently used. */
    get(userId: string): PatternEngine {
      const cached = engines.get(userId);
      const engine = cached?.engine ?? new PatternEngine(load(userId), { fallback });
      engines.delete(userId);
      held += engine.size - (cached?.size ?? 0); // it may have grown or shrunk since its last use
      engines.set(userId, { engine, size: engine.size });
      for (const [oldest, entry] of engines) {
        if (held <= capacity || oldest === userId) break;
        engines.delete(oldest);
        held -= entry.size;
      }
      return engine;
    },

    /**
     * Forgets the user's engine; their next request builds it again from the database. For when the
     * database changed behind the cache's back: a rolled-back write here, another instance's write
     * in stage 5.
     */
    invalidate(userId: string): void {
      held -= engines.get(userId)?.size ?? 0;
      engines.delete(userId);
    },

    get size(): number {
      return engines.size;
    },

    /** Patterns held by the cached engines. */
    get patterns(): number {
      return held;
    },
  };
}
