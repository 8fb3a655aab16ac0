import { PatternEngine, type Pattern } from '@journey/llm-core';

/**
 * How many patterns the cached engines may hold together. An engine's memory grows with its
 * patterns, so the bound counts patterns, not engines: 500 small organizations' engines, or 50 full ones.
 */
export const DEFAULT_CACHED_PATTERNS = 50_000;

/**
 * What the caller read in its transaction: the organization's patterns version (bumped by every
 * pattern write, migration 011), and how to list its patterns in that same transaction. The
 * version is read BEFORE the list, so an engine is never tagged newer than what it holds.
 */
export interface Snapshot {
  version: number;
  load: () => Promise<Pattern[]>;
}

/** `built`: the engine once its promise resolved. */
type Entry = { engine: Promise<PatternEngine>; built?: PatternEngine; size: number; version: number };

/**
 * One engine per organization: its members share one brain, and no chat may ever know another
 * organization's patterns. Each engine carries the patterns version it was built at. Every caller
 * says which version the database is at (read in its own transaction), and an older engine is
 * rebuilt: so an instance answers with what another instance taught a moment ago, whether or not
 * it heard about it (pub/sub only makes it hear sooner; see engine-freshness.ts).
 *
 * A Map remembers insertion order, which makes it a small least-recently-used cache: when the
 * engines hold more patterns than `capacity`, the least recently used ones are dropped. It holds
 * the promise of the engine, so that requests arriving during a build wait for that same build.
 */
export function createEngineCache(
  fallback: string,
  { capacity = DEFAULT_CACHED_PATTERNS, onBuilt = () => {} }: { capacity?: number; onBuilt?: (seconds: number) => void } = {},
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

  function forget(orgId: string): void {
    held -= engines.get(orgId)?.size ?? 0;
    engines.delete(orgId);
  }

  return {
    /**
     * The organization's engine at `snapshot.version` or newer, built from `snapshot.load` if the
     * cached one is older (or missing), and marked as the most recently used.
     */
    get(orgId: string, snapshot: Snapshot): Promise<PatternEngine> {
      let entry = engines.get(orgId);
      if (entry && entry.version >= snapshot.version) {
        engines.delete(orgId);
      } else {
        forget(orgId);
        const built: Entry = {
          engine: snapshot.load().then((patterns) => {
            const started = performance.now();
            built.built = new PatternEngine(patterns, { fallback });
            onBuilt((performance.now() - started) / 1000); // the metrics: time this instance served nothing else
            return built.built;
          }),
          size: 0,
          version: snapshot.version,
        };
        built.engine.catch(() => engines.get(orgId) === built && forget(orgId)); // a failed build is not kept
        entry = built;
      }
      engines.set(orgId, entry);
      const current = entry;
      return entry.engine.then((engine) => account(orgId, current, engine));
    },

    /**
     * After a committed write that changed `engine` in place from `from` to `to`: the engine now
     * holds version `to`, if it was exactly at `from` (nobody else wrote in between) and is still
     * the cached one. Otherwise it is forgotten, and the next request rebuilds it.
     */
    advance(orgId: string, engine: PatternEngine, from: number, to: number): void {
      const entry = engines.get(orgId);
      if (entry?.built === engine && entry.version === from) entry.version = to;
      else if (entry && entry.version < to) forget(orgId);
    },

    /** True when the organization's engine is built, and at exactly `version`. */
    holds: (orgId: string, version: number): boolean => {
      const entry = engines.get(orgId);
      return entry?.built !== undefined && entry.version === version;
    },

    /**
     * Another instance changed one pattern, from `from` to `to`: `change` applies it to the engine
     * in place, if the engine is still built at exactly `from`. False (nothing done) otherwise.
     */
    patch(orgId: string, from: number, to: number, change: (engine: PatternEngine) => void): boolean {
      const entry = engines.get(orgId);
      if (!entry?.built || entry.version !== from) return false;
      change(entry.built);
      entry.version = to;
      account(orgId, entry, entry.built);
      return true;
    },

    /** Another instance wrote version `version`: an older engine here is dropped. True when one was. */
    expire(orgId: string, version: number): boolean {
      const entry = engines.get(orgId);
      if (!entry || entry.version >= version) return false;
      forget(orgId);
      return true;
    },

    /**
     * Forgets the organization's engine; its next request builds it again from the database. For
     * when the database changed behind the cache's back: a rolled-back write, a deleted organization.
     */
    invalidate: forget,

    get size(): number {
      return engines.size;
    },

    /** Patterns held by the cached engines. */
    get patterns(): number {
      return held;
    },
  };
}

export type EngineCache = ReturnType<typeof createEngineCache>;
