import { precedence, type Scored } from './scoring';

/**
 * The best few matches of one search, one per pattern, best first: the answer and its runners-up,
 * which tell whether the answer is clearly ahead and what to offer as "did you mean".
 */
export class Shortlist {
  readonly items: Scored[] = [];

  constructor(private readonly size = 3) {}

  get best(): Scored | null {
    return this.items[0] ?? null;
  }

  offer(scored: Scored): void {
    const { items } = this;
    const same = items.findIndex((s) => s.variant.owner === scored.variant.owner);
    if (same !== -1) {
      if (precedence(scored, items[same]!) <= 0) return;
      items.splice(same, 1); // another phrasing of the same pattern scored better
    } else if (items.length === this.size && precedence(scored, items[this.size - 1]!) <= 0) return;
    const at = items.findIndex((s) => precedence(scored, s) > 0);
    items.splice(at === -1 ? items.length : at, 0, scored);
    if (items.length > this.size) items.pop();
  }
}
