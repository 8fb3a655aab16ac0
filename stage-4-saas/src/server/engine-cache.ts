import { PatternEngine, type Pattern } from '@journey/llm-core';

/** Engines of the users who were active most recently; the others are rebuilt from the database on demand. */
const DEFAULT_CACHED_ENGINES = 500;

/**
 * One engine per user, because each user's chat must only ever know that user's patterns. An
 * engine is built from the database the first time a user needs it, then kept in step by the
 * service. A Map remembers insertion order, which makes it a small least-recently-used cache: a
 * server with many users keeps only the active ones in memory.
 */
export function createEngineCache(load: (userId: string) => Pattern[], fallback: string, capacity = DEFAULT_CACHED_ENGINES) {
  const engines = new Map<string, PatternEngine>();

  return {
    /** The user's engine, built if needed, and marked as the most recently used. */
    get(userId: string): PatternEngine {
      let engine = engines.get(userId);
      if (engine) {
        engines.delete(userId);
      } else {
        engine = new PatternEngine(load(userId), { fallback });
        if (engines.size >= capacity) engines.delete(engines.keys().next().value!);
      }
      engines.set(userId, engine);
      return engine;
    },

    /**
     * Forgets the user's engine; their next request builds it again from the database. For when the
     * database changed behind the cache's back: a rolled-back write here, another instance's write
     * in stage 5.
     */
    invalidate(userId: string): void {
      engines.delete(userId);
    },

    get size(): number {
      return engines.size;
    },
  };
}
