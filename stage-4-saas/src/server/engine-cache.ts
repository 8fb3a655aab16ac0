import { PatternEngine, type Pattern } from '@journey/llm-core';

/** Engines of the organizations active most recently; the others are rebuilt from the database on demand. */
const DEFAULT_CACHED_ENGINES = 500;

/**
 * One engine per organization: its members share one brain, and no chat may ever know another
 * organization's patterns. An engine is built from the database the first time the organization
 * needs it, then kept in step by the service. A Map remembers insertion order, which makes it a
 * small least-recently-used cache. It holds the promise of the engine, so that requests arriving
 * while it is being built wait for the same build instead of starting their own.
 */
export function createEngineCache(
  load: (orgId: string) => Promise<Pattern[]>,
  fallback: string,
  capacity = DEFAULT_CACHED_ENGINES,
) {
  const engines = new Map<string, Promise<PatternEngine>>();

  return {
    /** The organization's engine, built if needed, and marked as the most recently used. */
    get(orgId: string): Promise<PatternEngine> {
      let engine = engines.get(orgId);
      if (engine) {
        engines.delete(orgId);
      } else {
        engine = load(orgId).then((patterns) => new PatternEngine(patterns, { fallback }));
        engine.catch(() => engines.get(orgId) === engine && engines.delete(orgId)); // a failed build is not kept
        if (engines.size >= capacity) engines.delete(engines.keys().next().value!);
      }
      engines.set(orgId, engine);
      return engine;
    },

    /**
     * Forgets the organization's engine; its next request builds it again from the database. For
     * when the database changed behind the cache's back: a rolled-back write, a deleted
     * organization, another instance's write (the limit this stage shows; stage 5 removes it).
     */
    invalidate(orgId: string): void {
      engines.delete(orgId);
    },

    get size(): number {
      return engines.size;
    },
  };
}
