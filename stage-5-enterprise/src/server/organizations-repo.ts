import type { Member, Org, Role } from '../shared/api';
import type { Queryable } from './db';
import { iso, isUuid } from './db/iso';

const ORG = 'o.id, o.name, o.slug, o.plan, m.role';

/**
 * The only module that speaks SQL about organizations and memberships. Functions named `…ForUser`
 * take a transaction from db.forUser (the user's own memberships, in every organization); all
 * others a transaction from db.forOrg(orgId), and say `org_id = $1` as well.
 */
export const organizationsRepo = {
  /** The organizations the user belongs to, oldest membership first (the personal one). */
  listForUser: (tx: Queryable, userId: string): Promise<Org[]> =>
    tx.query<Org>(
      `SELECT ${ORG} FROM memberships m JOIN organizations o ON o.id = m.org_id
        WHERE m.user_id = $1 ORDER BY m.created_at, o.id LIMIT 1000`,
      [userId],
    ),

  async insert(tx: Queryable, org: { id: string; name: string; slug: string }, ownerId: string): Promise<Org> {
    await tx.query('INSERT INTO organizations (id, name, slug) VALUES ($1, $2, $3)', [org.id, org.name, org.slug]);
    await tx.query("INSERT INTO memberships (user_id, org_id, role) VALUES ($1, $2, 'owner')", [ownerId, org.id]);
    return (await organizationsRepo.asSeenBy(tx, org.id, ownerId))!;
  },

  /** The organization with the user's role in it; undefined when they are no member (or it does not exist). */
  async asSeenBy(tx: Queryable, orgId: string, userId: string): Promise<Org | undefined> {
    if (!isUuid(orgId)) return undefined;
    const [org] = await tx.query<Org>(
      `SELECT ${ORG} FROM memberships m JOIN organizations o ON o.id = m.org_id WHERE m.org_id = $1 AND m.user_id = $2`,
      [orgId, userId],
    );
    return org;
  },

  /** Its name, inside db.forOrg(orgId): for mails to people who are not members yet. */
  async nameOf(tx: Queryable, orgId: string): Promise<string | undefined> {
    const [row] = await tx.query<{ name: string }>('SELECT name FROM organizations WHERE id = $1', [orgId]);
    return row?.name;
  },

  /**
   * Holds the organization's row until the transaction ends: writes that read before they write
   * (counting patterns against a limit, applying a billing event) take turns. False: no such organization.
   */
  lock: async (tx: Queryable, orgId: string): Promise<boolean> =>
    (await tx.query('SELECT 1 FROM organizations WHERE id = $1 FOR NO KEY UPDATE', [orgId])).length > 0,

  /** Which version of the organization's patterns an engine must hold (migration 011). */
  patternsVersion: async (tx: Queryable, orgId: string): Promise<number> =>
    Number((await tx.query<{ v: string }>('SELECT patterns_version AS v FROM organizations WHERE id = $1', [orgId]))[0]?.v ?? 0),

  /** The same, holding the organization's row until the transaction ends: pattern writes take turns (as lock() does). */
  lockPatterns: async (tx: Queryable, orgId: string): Promise<number> =>
    Number((await tx.query<{ v: string }>('SELECT patterns_version AS v FROM organizations WHERE id = $1 FOR NO KEY UPDATE', [orgId]))[0]?.v ?? 0),

  /** Marks a pattern write (in its transaction, after lockPatterns): the new version. */
  bumpPatternsVersion: async (tx: Queryable, orgId: string): Promise<number> =>
    Number(
      (await tx.query<{ v: string }>('UPDATE organizations SET patterns_version = patterns_version + 1 WHERE id = $1 RETURNING patterns_version AS v', [orgId]))[0]
        ?.v ?? 0,
    ),

  /** Suspends (with the reason shown to members), or lifts a suspension with `reason` null. */
  suspend: async (tx: Queryable, orgId: string, reason: string | null): Promise<void> =>
    void (await tx.query(
      'UPDATE organizations SET suspended_at = CASE WHEN $2::text IS NULL THEN NULL ELSE now() END, suspend_reason = $2 WHERE id = $1',
      [orgId, reason],
    )),

  remove: async (tx: Queryable, orgId: string): Promise<void> =>
    void (await tx.query('DELETE FROM organizations WHERE id = $1', [orgId])),

  members: async (tx: Queryable, orgId: string): Promise<Member[]> =>
    (
      await tx.query<{ userId: string; email: string; role: Role; joinedAt: Date }>(
        `SELECT m.user_id AS "userId", u.email, m.role, m.created_at AS "joinedAt"
           FROM memberships m JOIN users u ON u.id = m.user_id
          WHERE m.org_id = $1 ORDER BY m.created_at, m.user_id LIMIT 1000`,
        [orgId],
      )
    ).map((row) => ({ ...row, joinedAt: iso(row.joinedAt) })),

  /**
   * The organization's owners, locked until the transaction ends (FOR UPDATE): two requests that
   * each remove "another" owner would otherwise both see two owners and leave none.
   */
  lockOwners: async (tx: Queryable, orgId: string): Promise<string[]> =>
    (
      await tx.query<{ user_id: string }>(
        "SELECT user_id FROM memberships WHERE org_id = $1 AND role = 'owner' ORDER BY user_id FOR UPDATE",
        [orgId],
      )
    ).map((row) => row.user_id),

  /** The member's role, locked until the transaction ends; undefined for a non-member. */
  async lockMember(tx: Queryable, orgId: string, userId: string): Promise<Role | undefined> {
    if (!isUuid(userId)) return undefined;
    const [row] = await tx.query<{ role: Role }>('SELECT role FROM memberships WHERE org_id = $1 AND user_id = $2 FOR UPDATE', [orgId, userId]);
    return row?.role;
  },

  setRole: async (tx: Queryable, orgId: string, userId: string, role: Role): Promise<void> =>
    void (await tx.query('UPDATE memberships SET role = $3 WHERE org_id = $1 AND user_id = $2', [orgId, userId, role])),

  removeMember: async (tx: Queryable, orgId: string, userId: string): Promise<void> =>
    void (await tx.query('DELETE FROM memberships WHERE org_id = $1 AND user_id = $2', [orgId, userId])),

  addMember: async (tx: Queryable, orgId: string, userId: string, role: Role): Promise<void> =>
    void (await tx.query('INSERT INTO memberships (user_id, org_id, role) VALUES ($1, $2, $3)', [userId, orgId, role])),
};
