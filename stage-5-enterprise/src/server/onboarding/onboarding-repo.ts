import type { Onboarding } from '../../shared/api';
import type { Queryable } from '../db';

/** Where someone is who has not started the guide (no row yet). */
export const NOT_STARTED: Onboarding = { step: 'welcome', status: 'active', orgId: null, keyId: null };

/** The only module that speaks SQL about onboarding. Every function takes a transaction from db.forUser(userId). */
export const onboardingRepo = {
  get: async (tx: Queryable, userId: string): Promise<Onboarding> => {
    const [row] = await tx.query<Onboarding>(
      'SELECT step, status, org_id AS "orgId", key_id AS "keyId" FROM onboarding WHERE user_id = $1',
      [userId],
    );
    return row ?? NOT_STARTED;
  },

  save: async (tx: Queryable, userId: string, state: Onboarding): Promise<void> =>
    void (await tx.query(
      `INSERT INTO onboarding (user_id, step, status, org_id, key_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (user_id) DO UPDATE
         SET step = excluded.step, status = excluded.status, org_id = excluded.org_id, key_id = excluded.key_id, updated_at = now()`,
      [userId, state.step, state.status, state.orgId, state.keyId],
    )),
};
