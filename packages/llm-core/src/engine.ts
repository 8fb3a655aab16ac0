// TEMPORARY first engine (exact normalized match only) so the UI and stages can start.
// Replaced by the real matcher (issue 3).
import type { Pattern, Reply } from './types';

export interface EngineOptions {
  fallback?: string;
}

const normalize = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, '').replace(/\s+/g, ' ').trim();

export class PatternEngine {
  private readonly patterns = new Map<string, Pattern>();
  constructor(patterns: readonly Pattern[] = [], private readonly options: EngineOptions = {}) {
    patterns.forEach((p) => this.add(p));
  }
  add(pattern: Pattern): void {
    this.patterns.set(pattern.id, pattern);
  }
  remove(id: string): void {
    this.patterns.delete(id);
  }
  reply(message: string): Reply {
    const wanted = normalize(message);
    for (const p of this.patterns.values()) {
      if (normalize(p.trigger) === wanted) return { text: p.response, patternId: p.id, confidence: 1, captures: {} };
    }
    return { text: this.options.fallback ?? "I don't know that one yet. Teach me?", patternId: null, confidence: 0, captures: {} };
  }
}
