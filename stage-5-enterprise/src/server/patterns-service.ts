import type { Overlap, PatternEngine, PatternInput, Reply } from '@journey/llm-core';
import type { Db, Queryable } from './db';
import { createEngineCache } from './engine-cache';
import type { Pattern } from '../shared/api';
import { NEWEST_PATTERN, isPatternKey, patternsRepo as repo } from './patterns-repo';
import { organizationsRepo } from './organizations-repo';
import { decodeCursor, encodeCursor } from './page-cursor';
import { DEFAULT_PATTERN_QUOTA, checkQuota } from './quota';
import type { PlanLimits } from './plan-limits';

const FALLBACK = "I don't know that one yet. Teach me with the form!";

/** Two patterns are the same when trigger (ignoring case) and response match, as in stage 1's import. */
export const signature = (p: PatternInput) => `${p.trigger.toLowerCase()}\u0000${p.response}`;

/** Who teaches: the pattern list shows each pattern's teacher. */
export type Teacher = { id: string; email: string };

/**
 * The database and each organization's in-memory engine, kept in step. Each change is written and
 * taught to the engine inside one transaction acting for the organization (db.forOrg): if the
 * engine refuses the pattern, the write is rolled back; if the commit fails, the engine is
 * rebuilt. Chat never queries. Every method takes the organization's id: one engine per
 * organization (engine-cache.ts), shared by its members. Who may act for it is decided before
 * (auth/active-org.ts).
 */
export function createPatternsService(db: Db, limits: PlanLimits, { quota = DEFAULT_PATTERN_QUOTA } = {}) {
  const engines = createEngineCache((orgId) => db.forOrg(orgId, (tx) => repo.list(tx, orgId)), FALLBACK);

  /**
   * A write and the engine change it implies. The engine is fetched first, outside the transaction
   * (building it is a query of its own; PGlite runs one transaction at a time). On any failure the
   * engine is rebuilt from the database.
   */
  async function changing<T>(orgId: string, work: (tx: Queryable, engine: PatternEngine) => Promise<T>): Promise<T> {
    const engine = await engines.get(orgId);
    try {
      return await db.forOrg(orgId, (tx) => work(tx, engine));
    } catch (error) {
      engines.invalidate(orgId);
      throw error;
    }
  }

  /**
   * Counted inside the write's transaction, behind the organization's lock (the caller takes it
   * first), so parallel requests cannot pass a limit together: first the plan's (402), then the
   * store's own quota (409).
   */
  async function checkRoom(tx: Queryable, orgId: string, adding: number): Promise<void> {
    const used = await repo.count(tx, orgId);
    await limits.checkPatterns(tx, orgId, used, adding);
    checkQuota(quota, used, adding);
  }

  return {
    engines,

    /** One page of the organization's patterns, newest first; `nextCursor` asks for the next one (null: no more). */
    page: (orgId: string, limit: number, cursor?: string): Promise<{ patterns: Pattern[]; nextCursor: string | null }> =>
      db.forOrg(orgId, async (tx) => {
        const rows = await repo.page(tx, orgId, cursor ? decodeCursor(cursor, isPatternKey) : NEWEST_PATTERN, limit + 1); // one more: is there a next page?
        const shown = rows.slice(0, limit);
        const last = shown.at(-1);
        return {
          patterns: shown.map((row) => row.pattern),
          nextCursor: rows.length > limit && last ? encodeCursor(last.position) : null,
        };
      }),

    teach: (orgId: string, teacher: Teacher, input: PatternInput): Promise<Pattern> =>
      changing(orgId, async (tx, engine) => {
        await organizationsRepo.lock(tx, orgId);
        await checkRoom(tx, orgId, 1);
        const pattern = await repo.insert(tx, orgId, teacher, input);
        await limits.count(tx, orgId, teacher.id, 'teach', `${input.trigger} ${input.response}`);
        engine.add(pattern);
        return pattern;
      }),

    /** undefined when this organization has no such pattern. */
    update: (orgId: string, id: string, changes: Partial<PatternInput>): Promise<Pattern | undefined> =>
      changing(orgId, async (tx, engine) => {
        const pattern = await repo.update(tx, orgId, id, changes);
        if (pattern) engine.add(pattern); // replaces the old version (same id)
        return pattern;
      }),

    /** false when this organization had no such pattern. */
    remove: (orgId: string, id: string): Promise<boolean> =>
      changing(orgId, async (tx, engine) => {
        const removed = await repo.remove(tx, orgId, id);
        if (removed) engine.remove(id); // never touch an engine for an id this organization does not own
        return removed;
      }),

    /** Adds the patterns not already here (a file imported twice adds nothing the second time). */
    importMany: (orgId: string, teacher: Teacher, inputs: readonly PatternInput[]): Promise<Pattern[]> =>
      changing(orgId, async (tx, engine) => {
        await organizationsRepo.lock(tx, orgId); // before reading what is here: a parallel import waits
        const known = new Set((await repo.list(tx, orgId)).map(signature));
        const fresh = inputs.filter((input) => !known.has(signature(input)) && known.add(signature(input)));
        await checkRoom(tx, orgId, fresh.length); // all of the file, or nothing
        await limits.count(tx, orgId, teacher.id, 'import', fresh.map((p) => `${p.trigger} ${p.response}`).join(' '));
        const added: Pattern[] = [];
        for (const input of fresh) {
          const pattern = await repo.insert(tx, orgId, teacher, input);
          engine.add(pattern);
          added.push(pattern);
        }
        return added;
      }),

    /** The reply, once the chat is counted against the plan (402 when this month's are used). */
    async chat(orgId: string, user: Teacher, message: string): Promise<Reply> {
      const reply = (await engines.get(orgId)).reply(message);
      await limits.countChat(orgId, user.id, message, reply);
      return reply;
    },

    /** How many patterns the organization keeps (the usage page's first bar). */
    count: (orgId: string): Promise<number> => db.forOrg(orgId, (tx) => repo.count(tx, orgId)),

    /** The organization's other patterns that answer some of the same messages as this trigger (see PatternEngine.overlaps). */
    overlaps: async (orgId: string, trigger: string, except: string): Promise<Overlap[]> => (await engines.get(orgId)).overlaps(trigger, except),
  };
}

export type PatternsService = ReturnType<typeof createPatternsService>;
