import { PatternEngine, type Pattern } from '@journey/llm-core';

/**
 * How many patterns the cached engines may hold together. An engine's memory grows with its
 * patterns, so the bound counts patterns, not engines: 500 small organizations' engines, or 50 full ones.
 */
export const DEFAULT_CACHED_PATTERNS = 50_000;

type Entry = { engine: Promise<PatternEngine>; size: number };

/**
 * One engine per organization: its members share one brain, and no chat may ever know another
 * organization's patterns. An engine is built from the database the first time the organization
 * needs it, then kept in step by the service. A Map remembers insertion order, which makes it a
 * small least-recently-used cache: when the engines hold more patterns than `capacity`, the least
 * recently used ones are dropped (and rebuilt if their organization comes back). It holds the
 * promise of the engine, so that requests arriving during a build wait for that same build.
 */
export function createEngineCache(
  load: (orgId: string) => Promise<Pattern[]>,
  fallback: string,
  capacity = DEFAULT_CACHED_PATTERNS,
) {
  const engines = new Map<string, Entry>();
  let held = 0; // patterns in the cached engines, as of each one's last use

  /** Counts the engine's current size, then drops the least recently used engines over the bound. */
  function account(orgId: string, entry: Entry, engine: PatternEngine): PatternEngine {
    if (engines.get(orgId) !== entry) return engine; // dropped or invalidated meanwhile
    held += engine.size - entry.size; // it may have grown or shrunk since its last use
    entry.size = engine.size;
    for (const [oldest, other] of engines) {
      if (held <= capacity || oldest === orgId) break;
      engines.delete(oldest);
      held -= other.size;
    }
    return engine;
  }

  return {
    /** The organization's engine, built if needed, and marked as the most recently used. */
    get(orgId: string): Promise<PatternEngine> {
      let entry = engines.get(orgId);
      if (entry) {
        engines.delete(orgId);
      } else {
        const built: Entry = { engine: load(orgId).then((patterns) => new PatternEngine(patterns, { fallback })), size: 0 };
        built.engine.catch(() => engines.get(orgId) === built && engines.delete(orgId)); // a failed build is not kept
        entry = built;
      }
      engines.set(orgId, entry);
      const current = entry;
      return entry.engine.then((engine) => account(orgId, current, engine));
    },

    /**
     * Forgets the organization's engine; its next request builds it again from the database. For
     * when the database changed behind the cache's back: a rolled-back write, a deleted
     * organization, another instance's write (the limit this stage shows; stage 5 removes it).
     */
    invalidate(orgId: string): void {
      held -= engines.get(orgId)?.size ?? 0;
      engines.delete(orgId);
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
