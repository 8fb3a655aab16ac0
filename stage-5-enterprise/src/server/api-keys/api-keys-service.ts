import { createHash, randomBytes } from 'node:crypto';
import type { ApiKey, Org } from '../../shared/api';
import type { Db } from '../db';
import { AppError } from '../app-error';
import { orgNotFound, type Organizations } from '../organizations-service';
import { requireRole } from '../roles';
import { apiKeysRepo as repo, type KeyFacts, type KeyHolder } from './api-keys-repo';
import { recordAudit } from '../audit/audit';

const KEY_PREFIX = 'jrny_sk_';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const KEY_LENGTH = 43; // 32 random bytes (256 bits) take 43 base62 digits
const KEY_SHAPE = new RegExp(`^${KEY_PREFIX}[0-9A-Za-z]{${KEY_LENGTH}}$`);
/** "Last used" is written at most once a minute per key: a busy key must not turn every call into a write. */
const TOUCH_EVERY_MS = 60_000;

/** `jrny_sk_` + 32 random bytes in base62 (letters and digits only: safe in headers, URLs and shells). */
export function newKey(): string {
  let n = BigInt(`0x${randomBytes(32).toString('hex')}`);
  let digits = '';
  for (let i = 0; i < KEY_LENGTH; i++, n /= 62n) digits = BASE62[Number(n % 62n)] + digits;
  return KEY_PREFIX + digits;
}

/** What is stored and looked up. A key is 256 random bits, not a password: a fast hash is enough. */
export const hashKey = (key: string): string => createHash('sha256').update(key).digest('hex');

/** Bounded memory: forgetting everything only costs one more read (or write) per key. */
function remember<V>(map: Map<string, V>, key: string, value: V): void {
  if (map.size >= 10_000 && !map.has(key)) map.clear();
  map.set(key, value);
}

/** One message for an unknown, malformed and revoked key: none tells an attacker more than another. */
export const invalidKey = () => new AppError('unauthorized', 'This API key is not valid (unknown or revoked).');

/** How the audit trail names a key: its prefix and name, never the key. */
const keyTarget = (key: ApiKey) => ({ type: 'api_key', id: key.id, label: `${key.prefix}… ${key.name}` });

/** Organization API keys: admins and owners manage them; a key acts for its organization with member rights. */
export function createApiKeys(db: Db, organizations: Organizations, options: { now?: () => Date } = {}) {
  const now = options.now ?? (() => new Date());
  const lastTouched = new Map<string, number>(); // keyId → when this process last wrote "last used"
  const known = new Map<string, KeyFacts>(); // key hash → the key's facts: one lookup per key and process

  async function asAdmin(actorId: string, orgId: string) {
    const org = await organizations.find(orgId, actorId);
    if (!org) throw orgNotFound();
    requireRole(org.role, 'admin', 'manage API keys');
    return org;
  }

  return {
    list: async (actorId: string, orgId: string): Promise<ApiKey[]> => {
      await asAdmin(actorId, orgId);
      return db.forOrg(orgId, (tx) => repo.list(tx, orgId));
    },

    /** The key itself is in this answer and nowhere else, ever: only its hash is stored. */
    async create(actorId: string, orgId: string, name: string): Promise<{ apiKey: ApiKey; key: string }> {
      await asAdmin(actorId, orgId);
      const key = newKey();
      const apiKey = await db.forOrg(orgId, async (tx) => {
        const created = await repo.insert(tx, orgId, { name, prefix: key.slice(0, KEY_PREFIX.length + 4), keyHash: hashKey(key), createdBy: actorId });
        await recordAudit(tx, { orgId, action: 'api_key.created', target: keyTarget(created), summary: { after: { name } } });
        return created;
      });
      return { apiKey, key };
    },

    async revoke(actorId: string, orgId: string, id: string): Promise<void> {
      await asAdmin(actorId, orgId);
      await db.forOrg(orgId, async (tx) => {
        if (!(await repo.revoke(tx, orgId, id))) throw new AppError('not_found', 'This organization has no such API key in use.');
        const revoked = (await repo.list(tx, orgId)).find((k) => k.id === id)!;
        await recordAudit(tx, { orgId, action: 'api_key.revoked', target: keyTarget(revoked) });
      });
    },

    /**
     * Who a presented key acts for, and the organization as its creator sees it; throws 401 for
     * anything but a key in use. Revoking takes effect on the next call: the facts of a key (its id
     * and organization) are remembered by hash, but whether it still works is read every time, in
     * one statement, with "last used" written in the same transaction when it is due.
     */
    async authenticate(key: string): Promise<{ holder: KeyHolder; org: Org }> {
      if (!KEY_SHAPE.test(key)) throw invalidKey();
      const keyHash = hashKey(key);
      const facts = known.get(keyHash) ?? (await db.forApiKey(keyHash, (tx) => repo.byHash(tx, keyHash)));
      if (!facts) throw invalidKey();
      const at = now();
      const touchDue = at.getTime() - (lastTouched.get(facts.keyId) ?? 0) >= TOUCH_EVERY_MS;
      const held = await db.forOrg(facts.orgId, async (tx) => {
        if (!touchDue) return repo.holder(tx.andCommit, facts.orgId, facts.keyId); // one round trip in all
        const found = await repo.holder(tx, facts.orgId, facts.keyId);
        if (found) await repo.touch(tx, facts.orgId, facts.keyId, at);
        return found;
      });
      if (held && touchDue) remember(lastTouched, facts.keyId, at.getTime());
      if (!held) {
        known.delete(keyHash);
        throw invalidKey();
      }
      remember(known, keyHash, facts);
      return { holder: { ...facts, creator: held.creator, standing: held.standing }, org: held.org };
    },
  };
}

export type ApiKeys = ReturnType<typeof createApiKeys>;
