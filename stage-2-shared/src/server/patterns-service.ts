import { PatternEngine, type PatternInput, type Reply } from '@journey/llm-core';
import type { Pattern } from '../shared/api';
import type { PatternsRepo } from './patterns-repo';

const FALLBACK = "I don't know that one yet. Teach me with the form!";

/** Two patterns are the same when trigger (ignoring case) and response match, as in stage 1's import. */
const signature = (p: PatternInput) => `${p.trigger.toLowerCase()}\u0000${p.response}`;

/**
 * The database and the in-memory engine, kept in step. Each change is written and taught to the
 * engine inside one transaction: if the engine refuses the pattern, the write is rolled back; once
 * it commits, chat already knows it. Nothing is rebuilt per request and chat never queries.
 */
export function createPatternsService(repo: PatternsRepo) {
  const engine = new PatternEngine(repo.list(), { fallback: FALLBACK });

  return {
    list: (): Pattern[] => repo.list(),

    teach: (input: PatternInput): Pattern =>
      repo.transaction(() => {
        const pattern = repo.insert(input);
        engine.add(pattern);
        return pattern;
      }),

    /** undefined when there is no such pattern. */
    update: (id: string, changes: Partial<PatternInput>): Pattern | undefined =>
      repo.transaction(() => {
        const pattern = repo.update(id, changes);
        if (pattern) engine.add(pattern); // replaces the old version (same id)
        return pattern;
      }),

    /** false when there was no such pattern. */
    remove(id: string): boolean {
      const removed = repo.remove(id);
      engine.remove(id);
      return removed;
    },

    /** Adds the patterns not already here (a file imported twice adds nothing the second time). */
    importMany(inputs: readonly PatternInput[]): Pattern[] {
      const known = new Set(repo.list().map(signature));
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
            const pattern = repo.insert(input);
            engine.add(pattern);
            added.push(pattern);
          }
          return added;
        });
      } catch (error) {
        added.forEach((pattern) => engine.remove(pattern.id)); // the rows were rolled back: forget them too
        throw error;
      }
    },

    chat: (message: string): Reply => engine.reply(message),
  };
}

export type PatternsService = ReturnType<typeof createPatternsService>;
