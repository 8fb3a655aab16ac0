import type { Pattern, Reply } from '../src/types';

/** The naive matcher the engine is compared with: lowercase words, best token overlap, a scan over every pattern. */
export class NaiveMatcher {
  private readonly patterns: { pattern: Pattern; words: Set<string> }[];

  constructor(patterns: readonly Pattern[]) {
    this.patterns = patterns.map((pattern) => ({ pattern, words: words(pattern.trigger) }));
  }

  reply(message: string): Reply {
    const wanted = words(message);
    let best: Pattern | null = null;
    let bestScore = 0;
    for (const { pattern, words: have } of this.patterns) {
      let shared = 0;
      for (const w of wanted) if (have.has(w)) shared++;
      const score = shared / (wanted.size + have.size - shared); // Jaccard overlap
      if (score > bestScore) [best, bestScore] = [pattern, score];
    }
    return bestScore >= 0.5 && best
      ? { text: best.response, patternId: best.id, confidence: bestScore, captures: {} }
      : { text: 'fallback', patternId: null, confidence: 0, captures: {} };
  }
}

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean));
}
