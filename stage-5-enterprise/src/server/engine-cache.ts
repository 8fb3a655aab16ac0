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
  /** What changed after `since`: the patterns written, and the ids of all (the rest were deleted). */
  catchUp?: (since: number) => Promise<{ written: Pattern[]; ids: Set<string> }>;
}

/** `built`: the engine once its promise resolved (none while it is being built or catching up). */
type Entry = { engine: Promise<PatternEngine>; built?: PatternEngine; size: number; version: number };

/**
 * One engine per organization: its members share one brain, and no chat may ever know another
 * organization's patterns. Each engine carries the patterns version it holds. Every caller says
 * which version the database is at (read in its own transaction), and an older engine is brought
 * up to date first: so an instance answers with what another instance taught a moment ago, whether
 * or not it heard about it (pub/sub only makes it hear sooner; see engine-freshness.ts).
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

  /** A new engine from every pattern, the cache's only way to make one. */
  function build(orgId: string, snapshot: Snapshot): Entry {
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
    return built;
  }

  /**
   * Brings a built engine from its version up to `version` in place: what `changes` says was written
   * since, and forgetting what is no longer there. Until it is done the entry carries the new version
   * (requests meanwhile wait for this) and no built engine, so news in between (patch, advance) is
   * not applied under it.
   */
  function catchUp(orgId: string, entry: Entry, engine: PatternEngine, version: number, changes: NonNullable<Snapshot['catchUp']>): void {
    const since = entry.version;
    entry.version = version;
    entry.built = undefined;
    entry.engine = entry.engine.then(async () => {
      const { written, ids } = await changes(since);
      for (const id of engine.ids()) if (!ids.has(id)) engine.remove(id);
      for (const pattern of written) if (ids.has(pattern.id)) engine.add(pattern); // not if deleted meanwhile
      entry.built = engine;
      return engine;
    });
    entry.engine.catch(() => engines.get(orgId) === entry && forget(orgId)); // a failed catch-up is not kept
  }

  /**
   * The organization's engine at `snapshot.version` or newer, marked as the most recently used. An
   * older one catches up in place when the snapshot can say what changed since its version (after
   * a build or catch-up in flight, if any); a missing one is built from `snapshot.load`.
   */
  function get(orgId: string, snapshot: Snapshot): Promise<PatternEngine> {
    let entry = engines.get(orgId);
    if (entry && entry.version < snapshot.version && snapshot.catchUp) {
      if (!entry.built) return entry.engine.catch(() => {}).then(() => get(orgId, snapshot));
      catchUp(orgId, entry, entry.built, snapshot.version, snapshot.catchUp);
    } else if (!entry || entry.version < snapshot.version) {
      entry = build(orgId, snapshot);
    }
    engines.delete(orgId);
    engines.set(orgId, entry);
    const current = entry;
    return entry.engine.then((engine) => account(orgId, current, engine));
  }

  return {
    get,

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

    /** True when this instance holds the organization's engine, built, at a version older than `version`. */
    behind(orgId: string, version: number): boolean {
      const entry = engines.get(orgId);
      return entry?.built !== undefined && entry.version < version;
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
