import type { PatternInput, Reply } from '@journey/llm-core';
import { createEngineCache } from './engine-cache';
import type { Pattern } from '../shared/api';
import type { PatternsRepo } from './patterns-repo';

const FALLBACK = "I don't know that one yet. Teach me with the form!";

/** Two patterns are the same when trigger (ignoring case) and response match, as in stage 1's import. */
const signature = (p: PatternInput) => `${p.trigger.toLowerCase()}\u0000${p.response}`;

/**
 * The database and each user's in-memory engine, kept in step. Each change is written and taught
 * to the engine inside one transaction: if the engine refuses the pattern, the write is rolled
 * back; once it commits, chat already knows it. Nothing is rebuilt per request and chat never
 * queries. Every method takes the user's id: one engine per user (engine-cache.ts), so no chat can
 * ever answer with another user's pattern.
 */
export function createPatternsService(repo: PatternsRepo) {
  const engines = createEngineCache((userId) => repo.list(userId), FALLBACK);

  return {
    list: (userId: string): Pattern[] => repo.list(userId),

    teach: (userId: string, input: PatternInput): Pattern =>
      repo.transaction(() => {
        const pattern = repo.insert(userId, input);
        engines.get(userId).add(pattern);
        return pattern;
      }),

    /** undefined when this user has no such pattern. */
    update: (userId: string, id: string, changes: Partial<PatternInput>): Pattern | undefined =>
      repo.transaction(() => {
        const pattern = repo.update(userId, id, changes);
        if (pattern) engines.get(userId).add(pattern); // replaces the old version (same id)
        return pattern;
      }),

    /** false when this user had no such pattern. */
    remove(userId: string, id: string): boolean {
      const removed = repo.remove(userId, id);
      if (removed) engines.get(userId).remove(id); // never touch an engine for an id this user does not own
      return removed;
    },

    /** Adds the patterns not already here (a file imported twice adds nothing the second time). */
    importMany(userId: string, inputs: readonly PatternInput[]): Pattern[] {
      const engine = engines.get(userId);
      const known = new Set(repo.list(userId).map(signature));
      const fresh: PatternInput[] = [];
      for (const input of inputs) {
        if (known.has(signature(input))) continue;
        known.add(signature(input));
        fresh.push(input);
      }
      const added: Pattern[] = [];
      try {
        return repo.transaction(() => {
          for (const input of fresh) {
            const pattern = repo.insert(userId, input);
            engine.add(pattern);
            added.push(pattern);
          }
          return added;
        });
      } catch (error) {
        engines.invalidate(userId); // the rows were rolled back: the engine is rebuilt from what remains
        throw error;
      }
    },

    chat: (userId: string, message: string): Reply => engines.get(userId).reply(message),
  };
}

export type PatternsService = ReturnType<typeof createPatternsService>;
