import type { PatternInput } from '@journey/llm-core';
import type { Pattern } from '../shared/api';
import type { Queryable } from './db';
import { iso, isUuid } from './db/iso';
import { LATEST_MICROS, type PagePosition } from './page-cursor';

const RETURNING = 'id, trigger, response, created_at AS "createdAt", updated_at AS "updatedAt", created_by AS "createdById"';

type Row = { id: string; trigger: string; response: string; createdAt: Date; updatedAt: Date; createdById: string | null; email?: string | null };
const pattern = ({ createdAt, updatedAt, createdById, email, ...rest }: Row, teacherEmail = email): Pattern => ({
  ...rest,
  createdAt: iso(createdAt),
  updatedAt: iso(updatedAt),
  createdBy: createdById && teacherEmail ? { id: createdById, email: teacherEmail } : null,
});

/**
 * The only module that speaks SQL about patterns. Every value travels as a bound parameter ($1),
 * never glued into the SQL text, so a trigger like `'); DROP TABLE patterns; --` is just text.
 *
 * Every function takes a transaction acting for the organization (db.forOrg) and its id, and every
 * statement says `org_id = $1`: to this module, another organization's pattern does not exist. And
 * if a statement forgot it, row-level security would still show only this organization's rows.
 */
const WITH_TEACHER = `SELECT p.id, p.trigger, p.response, p.created_at AS "createdAt", p.updated_at AS "updatedAt",
                p.created_by AS "createdById", u.email
           FROM patterns p LEFT JOIN users u ON u.id = p.created_by`;

/** Where the list of patterns starts (before the newest), and what a position's key looks like (a seq). */
export const NEWEST_PATTERN: PagePosition = { micros: LATEST_MICROS, key: '9223372036854775807' };
export const isPatternKey = (key: string) => /^\d{1,19}$/.test(key);

export const patternsRepo = {
  list: async (tx: Queryable, orgId: string): Promise<Pattern[]> =>
    (await tx.query<Row>(`${WITH_TEACHER} WHERE p.org_id = $1 ORDER BY p.created_at, p.seq`, [orgId])).map((row) => pattern(row)),

  /**
   * Up to `limit` patterns after `after`, newest first (a page shows what was just taught), each with
   * its place: the exact created_at in microseconds since 1970 (an ISO string would round it to
   * milliseconds and skip or repeat rows at a page's edge), then seq.
   */
  page: async (tx: Queryable, orgId: string, after: PagePosition, limit: number) =>
    (
      await tx.query<Row & { micros: string; seq: number }>(
        `${WITH_TEACHER.replace('FROM', `, (extract(epoch FROM p.created_at) * 1000000)::bigint::text AS micros, p.seq FROM`)}
          WHERE p.org_id = $1
            AND (p.created_at, p.seq) < (timestamptz 'epoch' + $2::bigint * interval '1 microsecond', $3::bigint)
          ORDER BY p.created_at DESC, p.seq DESC LIMIT $4`,
        [orgId, after.micros, after.key, limit],
      )
    ).map(({ micros, seq, ...row }) => ({ pattern: pattern(row), position: { micros, key: String(seq) } })),

  /** undefined when the organization has no such pattern. */
  async find(tx: Queryable, orgId: string, id: string): Promise<Pattern | undefined> {
    if (!isUuid(id)) return undefined;
    const [row] = await tx.query<Row>(`${WITH_TEACHER} WHERE p.org_id = $1 AND p.id = $2`, [orgId, id]);
    return row && pattern(row);
  },

  count: async (tx: Queryable, orgId: string): Promise<number> =>
    Number((await tx.query<{ n: string }>('SELECT count(*) AS n FROM patterns WHERE org_id = $1', [orgId]))[0]!.n),

  /**
   * What changed after `version` (an engine's): the rows written since, in the order `list` gives,
   * and the ids of all rows (one the engine holds that is not among them was deleted).
   */
  async changedSince(tx: Queryable, orgId: string, version: number): Promise<{ written: Pattern[]; ids: Set<string> }> {
    const [written, all] = await Promise.all([
      tx.query<Row>(`${WITH_TEACHER} WHERE p.org_id = $1 AND p.version > $2 ORDER BY p.created_at, p.seq`, [orgId, version]),
      tx.query<{ id: string }>('SELECT id FROM patterns WHERE org_id = $1', [orgId]),
    ]);
    return { written: written.map((row) => pattern(row)), ids: new Set(all.map((row) => row.id)) };
  },

  /** `version`: the organization's patterns version this write commits as (0 for a new organization's examples). */
  insert: async (tx: Queryable, orgId: string, teacher: { id: string; email: string }, input: PatternInput, version = 0): Promise<Pattern> => {
    const [row] = await tx.query<Row>(
      `INSERT INTO patterns (org_id, created_by, trigger, response, version) VALUES ($1, $2, $3, $4, $5) RETURNING ${RETURNING}`,
      [orgId, teacher.id, input.trigger, input.response, version],
    );
    return pattern(row!, teacher.email);
  },

  /** undefined when the organization has no such pattern. `version`: as for insert. */
  async update(tx: Queryable, orgId: string, id: string, changes: Partial<PatternInput>, version: number): Promise<Pattern | undefined> {
    if (!isUuid(id)) return undefined;
    const [row] = await tx.query<Row>(
      `WITH changed AS (
         UPDATE patterns SET trigger = coalesce($3, trigger), response = coalesce($4, response), updated_at = clock_timestamp(), version = $5
          WHERE org_id = $1 AND id = $2 RETURNING ${RETURNING})
       SELECT changed.*, u.email FROM changed LEFT JOIN users u ON u.id = changed."createdById"`,
      [orgId, id, changes.trigger ?? null, changes.response ?? null, version],
    );
    return row && pattern(row);
  },

  /** The deleted row's trigger (for the audit trail), or undefined when there was none. */
  remove: async (tx: Queryable, orgId: string, id: string): Promise<{ trigger: string } | undefined> =>
    isUuid(id) ? (await tx.query<{ trigger: string }>('DELETE FROM patterns WHERE org_id = $1 AND id = $2 RETURNING trigger', [orgId, id]))[0] : undefined,
};
