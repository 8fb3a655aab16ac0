import { existsSync } from 'node:fs';
import { join } from 'node:path';

// The planned journey, including stages not written yet; existingStages() is the part that is here.

/** One step of the journey: its folder, its number and the layer it adds. */
export interface JourneyStage {
  number: number;
  folder: string;
  /** What this stage adds to the one before; used in generated READMEs. */
  layer: string;
}

/** The journey in order. Folder names are the contract every script and doc relies on. */
export const STAGES: readonly JourneyStage[] = [
  { number: 1, folder: 'stage-1-personal', layer: 'the app itself: a personal AI in one browser (Vite + Lit, localStorage)' },
  { number: 2, folder: 'stage-2-shared', layer: 'persistence: a server that remembers (Express 5 + SQLite)' },
  { number: 3, folder: 'stage-3-users', layer: 'authentication: accounts and sessions, each user sees only their own patterns' },
  { number: 4, folder: 'stage-4-saas', layer: 'multi-tenancy and business: organizations, roles, plans, billing (PostgreSQL, Stripe)' },
  { number: 5, folder: 'stage-5-enterprise', layer: 'scale and enterprise controls: public API, SSO, audit log, metrics, shared rate limits (Redis)' },
];

export function stageByNumber(n: number): JourneyStage | undefined {
  return STAGES.find((stage) => stage.number === n);
}

export function stageExists(repoRoot: string, stage: JourneyStage): boolean {
  return existsSync(join(repoRoot, stage.folder, 'package.json'));
}

/** The stages whose folders exist, in journey order. */
export function existingStages(repoRoot: string): JourneyStage[] {
  return STAGES.filter((stage) => stageExists(repoRoot, stage));
}

/** Stage N's package is `stage-N`, so `pnpm --filter stage-N …` reaches it. */
export const packageName = (stage: JourneyStage) => `stage-${stage.number}`;

/** A stage and the one after it; the diff between them is a lesson. */
export interface StagePair {
  from: JourneyStage;
  to: JourneyStage;
  /** Repo-relative path of the diff doc, e.g. docs/stage-1-to-2.md. */
  doc: string;
}

/** Consecutive pairs whose two folders both exist. */
export function existingPairs(repoRoot: string): StagePair[] {
  const pairs: StagePair[] = [];
  for (let i = 0; i + 1 < STAGES.length; i++) {
    const from = STAGES[i]!;
    const to = STAGES[i + 1]!;
    if (stageExists(repoRoot, from) && stageExists(repoRoot, to)) {
      pairs.push({ from, to, doc: `docs/stage-${from.number}-to-${to.number}.md` });
    }
  }
  return pairs;
}
