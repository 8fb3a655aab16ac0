import { setTimeout as sleep } from 'node:timers/promises';
import type { FirstCall } from '../../shared/api';
import type { Db } from '../db';
import { AppError } from '../app-error';
import { apiKeysRepo } from '../api-keys/api-keys-repo';
import { orgNotFound, type Organizations } from '../organizations-service';
import { requireRole } from '../roles';

/** How often a waiting request reads the key's row again. */
const POLL_MS = 250;
/** Waiting requests one process holds at most; past that, callers are asked to come back. */
const MAX_WAITING = 200;

export const keyNotFound = () => new AppError('not_found', 'This organization has no such API key.');

/**
 * "Test connection": has a key (or any key of an organization) made its first call yet? The
 * answer is a long poll: the request is held, reading the key's `last_used_at` every 250 ms, until
 * the key has been used or `waitMs` is over ("not yet": the page asks again). The database, not
 * this process's memory, is what is read: the program's call may land on any instance of the
 * server, and api-key.ts writes the first use at once (only later uses are throttled).
 */
export function createFirstCalls(db: Db, organizations: Organizations, options: { pollMs?: number; maxWaiting?: number } = {}) {
  const pollMs = options.pollMs ?? POLL_MS;
  const maxWaiting = options.maxWaiting ?? MAX_WAITING;
  let waiting = 0;

  /** Reads until used, the time is up, or the caller hung up (`signal`). */
  async function until(read: () => Promise<FirstCall>, waitMs: number, signal?: AbortSignal): Promise<FirstCall> {
    const deadline = Date.now() + waitMs;
    let answer = await read();
    if (answer.called || waitMs === 0) return answer;
    if (waiting >= maxWaiting) throw new AppError('busy', 'Too many pages are waiting for a first call; ask again in a few seconds.', { retryAfterSeconds: 5 });
    waiting++;
    try {
      while (!answer.called && Date.now() < deadline && !signal?.aborted) {
        await sleep(Math.min(pollMs, deadline - Date.now()), undefined, { signal }).catch(() => {}); // aborted: stop reading
        if (!signal?.aborted) answer = await read();
      }
      return answer;
    } finally {
      waiting--;
    }
  }

  /** API keys are for admins and owners: so is watching them. Not a member: 404, as for an organization that does not exist. */
  async function asAdmin(actorId: string, orgId: string) {
    const org = await organizations.find(orgId, actorId);
    if (!org) throw orgNotFound();
    requireRole(org.role, 'admin', 'see API keys');
  }

  return {
    /** The first call with this key: 404 for a key the organization does not have (another's included). */
    async ofKey(actorId: string, orgId: string, keyId: string, waitMs: number, signal?: AbortSignal): Promise<FirstCall> {
      await asAdmin(actorId, orgId);
      return until(
        async () => {
          const use = await db.forOrg(orgId, (tx) => apiKeysRepo.lastUse(tx, orgId, keyId));
          if (!use) throw keyNotFound();
          return { called: use.usedAt !== null, usedAt: use.usedAt };
        },
        waitMs,
        signal,
      );
    },

    /** The organization's first API call, with any of its keys: the dashboard's empty state lasts until then. */
    async ofOrg(actorId: string, orgId: string, waitMs: number, signal?: AbortSignal): Promise<FirstCall> {
      await asAdmin(actorId, orgId);
      return until(
        async () => {
          const { usedAt } = await db.forOrg(orgId, (tx) => apiKeysRepo.orgLastUse(tx, orgId));
          return { called: usedAt !== null, usedAt };
        },
        waitMs,
        signal,
      );
    },

    /** Requests held right now (for tests and metrics). */
    get waiting() {
      return waiting;
    },
  };
}

export type FirstCalls = ReturnType<typeof createFirstCalls>;
