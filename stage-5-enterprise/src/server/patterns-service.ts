import type { Overlap, PatternEngine, PatternInput, Reply } from '@journey/llm-core';
import type { Db, Queryable } from './db';
import { createEngineCache } from './engine-cache';
import { signature } from './pattern-signature';
import type { Pattern } from '../shared/api';
import { NEWEST_PATTERN, isPatternKey, patternsRepo as repo } from './patterns-repo';
import { organizationsRepo } from './organizations-repo';
import { decodeCursor, encodeCursor } from './page-cursor';
import { DEFAULT_PATTERN_QUOTA, checkQuota } from './quota';
import { recordAudit } from './audit/audit';
import type { PlanLimits } from './plan-limits';
import type { Standing } from './usage-repo';
import type { Meter } from './ops/metrics';

const FALLBACK = "I don't know that one yet. Teach me with the form!";


/** Who teaches: the pattern list shows each pattern's teacher. */
export type Teacher = { id: string; email: string };

/**
 * Told after every committed pattern write: the organization, its new patterns version, and the one
 * pattern it added, edited or deleted (none for an import). The other instances hear of it.
 */
export type PatternsChanged = (orgId: string, version: number, patternId?: string) => void;

/**
 * The database and each organization's in-memory engine, kept in step. Each change is written and
 * taught to the engine inside one transaction acting for the organization (db.forOrg), which also
 * bumps the organization's patterns version: if the engine refuses the pattern, the write is
 * rolled back; if the commit fails, the engine is rebuilt. A chat reads the version in its own
 * transaction, and an engine older than that is rebuilt first (engine-cache.ts): another instance's
 * write is never missed. Every method takes the organization's id: one engine per organization,
 * shared by its members. Who may act for it is decided before (auth/active-org.ts).
 */
export function createPatternsService(
  db: Db,
  limits: PlanLimits,
  { quota = DEFAULT_PATTERN_QUOTA, meter, changed = () => {} }: { quota?: number; meter?: Meter; changed?: PatternsChanged } = {},
) {
  const engines = createEngineCache(FALLBACK, { onBuilt: (seconds) => meter?.engineBuilt(seconds) });
  /**
   * The engine as of `version`, reading in this same transaction what changed since an older one
   * (or every pattern, when there is none to bring up to date).
   */
  const engineAt = (tx: Queryable, orgId: string, version: number) =>
    engines.get(orgId, { version, load: () => repo.list(tx, orgId), catchUp: (since) => repo.changedSince(tx, orgId, since) });

  /** Per organization, this process's last pattern write: the next one starts after it (see changing). */
  const turns = new Map<string, Promise<unknown>>();

  /**
   * A write and the engine change it implies, in one transaction. Locking the organization's row
   * first (and reading its patterns version) makes writes take turns, so the engine is fetched
   * exactly as of that version. A write that changed something (`changedIf`) bumps the version;
   * one that found nothing to change leaves it, and the database, as they were. On any failure
   * the engine is rebuilt from the database.
   *
   * Writes to one organization in this process also take turns here, before their transaction:
   * the row lock would make them wait anyway, and this way each one finds the engine already
   * advanced by the one before, instead of a version behind (a rebuild of every pattern).
   */
  function changing<T>(
    orgId: string,
    work: (tx: Queryable, engine: PatternEngine, version: number) => Promise<T>,
    changedIf: (result: T) => boolean = () => true,
    onePattern?: (result: T) => string | undefined,
  ): Promise<T> {
    const mine = (turns.get(orgId) ?? Promise.resolve()).catch(() => {}).then(() => changeNow(orgId, work, changedIf, onePattern));
    turns.set(orgId, mine);
    const done = () => void (turns.get(orgId) === mine && turns.delete(orgId)); // the map holds only writes in progress
    mine.then(done, done);
    return mine;
  }

  async function changeNow<T>(
    orgId: string,
    work: (tx: Queryable, engine: PatternEngine, version: number) => Promise<T>,
    changedIf: (result: T) => boolean,
    onePattern?: (result: T) => string | undefined,
  ): Promise<T> {
    let step: { engine: PatternEngine; from: number; to: number } | undefined;
    try {
      const result = await db.forOrg(orgId, async (tx) => {
        const from = await organizationsRepo.lockPatterns(tx, orgId);
        const engine = await engineAt(tx, orgId, from);
        const done = await work(tx, engine, from + 1); // the version it commits as (rows it writes carry it)
        if (changedIf(done)) step = { engine, from, to: await organizationsRepo.bumpPatternsVersion(tx, orgId) };
        return done;
      });
      if (step) {
        engines.advance(orgId, step.engine, step.from, step.to);
        changed(orgId, step.to, onePattern?.(result));
      }
      return result;
    } catch (error) {
      engines.invalidate(orgId);
      throw error;
    }
  }

  /**
   * Counted inside the write's transaction, behind the organization's lock (changing() takes it
   * first), so parallel requests cannot pass a limit together: first the plan's (402), then the
   * store's own quota (409).
   */
  async function checkRoom(tx: Queryable, orgId: string, adding: number): Promise<void> {
    const used = await limits.checkPatterns(tx, orgId, repo.count(tx, orgId), adding);
    checkQuota(quota, used, adding);
  }

  return {
    engines,

    /** One page of the organization's patterns, newest first; `nextCursor` asks for the next one (null: no more). */
    page: (orgId: string, limit: number, cursor?: string): Promise<{ patterns: Pattern[]; nextCursor: string | null }> =>
      db.forOrg(orgId, async (tx) => {
        const at = cursor ? decodeCursor(cursor, isPatternKey) : NEWEST_PATTERN;
        const rows = await repo.page(tx.andCommit, orgId, at, limit + 1); // one more: is there a next page?
        const shown = rows.slice(0, limit);
        const last = shown.at(-1);
        return {
          patterns: shown.map((row) => row.pattern),
          nextCursor: rows.length > limit && last ? encodeCursor(last.position) : null,
        };
      }),

    /** undefined when this organization has no such pattern. */
    find: (orgId: string, id: string): Promise<Pattern | undefined> => db.forOrg(orgId, (tx) => repo.find(tx, orgId, id)),

    async teach(orgId: string, teacher: Teacher, input: PatternInput): Promise<Pattern> {
      const taught = await changing(orgId, async (tx, engine, version) => {
        await checkRoom(tx, orgId, 1);
        const pattern = await repo.insert(tx, orgId, teacher, input, version);
        engine.add(pattern);
        return pattern;
      }, undefined, (pattern) => pattern.id);
      limits.count(orgId, teacher.id, 'teach', `${input.trigger} ${input.response}`); // once committed
      meter?.used('teach', 1);
      return taught;
    },

    /** undefined when this organization has no such pattern. */
    update: (orgId: string, id: string, changes: Partial<PatternInput>): Promise<Pattern | undefined> =>
      changing(orgId, async (tx, engine, version) => {
        const pattern = await repo.update(tx, orgId, id, changes, version);
        if (pattern) engine.add(pattern); // replaces the old version (same id)
        return pattern;
      }, Boolean, () => id),

    /** false when this organization had no such pattern. */
    remove: (orgId: string, id: string): Promise<boolean> =>
      changing(orgId, async (tx, engine) => {
        const removed = await repo.remove(tx, orgId, id);
        if (!removed) return false;
        engine.remove(id); // never touch an engine for an id this organization does not own
        await recordAudit(tx, { orgId, action: 'pattern.deleted', target: { type: 'pattern', id, label: removed.trigger } });
        return true;
      }, Boolean, () => id),

    /** Adds the patterns not already here (a file imported twice adds nothing the second time). */
    async importMany(orgId: string, teacher: Teacher, inputs: readonly PatternInput[]): Promise<Pattern[]> {
      const imported = await changing(orgId, async (tx, engine, version) => {
        const known = new Set((await repo.list(tx, orgId)).map(signature));
        const fresh = inputs.filter((input) => !known.has(signature(input)) && known.add(signature(input)));
        await checkRoom(tx, orgId, fresh.length); // all of the file, or nothing
        const added: Pattern[] = [];
        for (const input of fresh) {
          const pattern = await repo.insert(tx, orgId, teacher, input, version);
          engine.add(pattern);
          added.push(pattern);
        }
        return added;
      }, (added) => added.length > 0);
      limits.count(orgId, teacher.id, 'import', imported.map((p) => `${p.trigger} ${p.response}`).join(' ')); // once committed
      meter?.used('import', imported.length);
      return imported;
    },

    /**
     * The reply, once the chat is counted against the plan (402 when this month's are used).
     * `standing`: the organization's, when the caller has just read it (with an API key).
     */
    async chat(orgId: string, user: Teacher, message: string, standing?: Standing): Promise<Reply> {
      const reply = await limits.countChat(orgId, user.id, message, async (tx, version) => {
        const engine = await engineAt(tx, orgId, version);
        const started = performance.now();
        const answer = engine.reply(message);
        meter?.engineReplied((performance.now() - started) / 1000);
        return answer;
      }, standing);
      meter?.used('chat', 1);
      return reply;
    },

    /**
     * Another instance wrote `version` (pub/sub). If it changed one pattern and the engine here is
     * one version behind, that pattern is read and changed in place. Otherwise an older engine
     * catches up now with what was written since its version (engine-cache.ts), so the next chat
     * finds it ready. Neither rebuilds it, which costs time with every pattern the organization
     * has. A missed message costs nothing but that chat's catching up.
     */
    async heard(orgId: string, version: number, patternId?: string): Promise<void> {
      if (patternId && engines.holds(orgId, version - 1)) {
        // The version too, in the same round trip: only a write the database has is applied.
        const [written, pattern] = await db.forOrg(orgId, (tx) =>
          Promise.all([organizationsRepo.patternsVersion(tx, orgId), repo.find(tx.andCommit, orgId, patternId)]),
        );
        // No pattern: deleted (by this write or one after it). Either way the engine follows the database.
        const apply = (engine: PatternEngine) => (pattern ? engine.add(pattern) : engine.remove(patternId));
        if (written >= version && engines.patch(orgId, version - 1, version, apply)) return;
      }
      if (!engines.behind(orgId, version)) return; // none here, or as new already
      return db.forOrg(orgId, async (tx) => void (await engineAt(tx, orgId, await organizationsRepo.patternsVersion(tx, orgId))));
    },

    /** How many patterns the organization keeps (the usage page's first bar). */
    count: (orgId: string): Promise<number> => db.forOrg(orgId, (tx) => repo.count(tx, orgId)),

    /** The organization's other patterns that answer some of the same messages as this trigger (see PatternEngine.overlaps). */
    overlaps: (orgId: string, trigger: string, except: string): Promise<Overlap[]> =>
      db.forOrg(orgId, async (tx) => (await engineAt(tx, orgId, await organizationsRepo.patternsVersion(tx, orgId))).overlaps(trigger, except)),
  };
}

export type PatternsService = ReturnType<typeof createPatternsService>;
