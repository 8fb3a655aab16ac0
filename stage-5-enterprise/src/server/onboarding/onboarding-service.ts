import type { Onboarding } from '../../shared/api';
import type { Db } from '../db';
import { apiKeysRepo } from '../api-keys/api-keys-repo';
import { orgNotFound, type Organizations } from '../organizations-service';
import { keyNotFound } from './first-call';
import { onboardingRepo as repo } from './onboarding-repo';

/** Each person's place in the getting-started guide: read and written only by them. */
export function createOnboarding(db: Db, organizations: Organizations) {
  return {
    get: (userId: string): Promise<Onboarding> => db.forUser(userId, (tx) => repo.get(tx, userId)),

    /** Saves where they are. The organization must be theirs, and the key that organization's. */
    async save(userId: string, state: Onboarding): Promise<Onboarding> {
      if (state.orgId) {
        const orgId = state.orgId;
        if (!(await organizations.find(orgId, userId))) throw orgNotFound();
        if (state.keyId && !(await db.forOrg(orgId, (tx) => apiKeysRepo.lastUse(tx, orgId, state.keyId!)))) throw keyNotFound();
      }
      await db.forUser(userId, (tx) => repo.save(tx, userId, state));
      return state;
    },
  };
}

export type OnboardingService = ReturnType<typeof createOnboarding>;
