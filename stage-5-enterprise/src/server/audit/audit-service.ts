import type { Db, Queryable } from '../db';
import { AppError } from '../app-error';
import { orgNotFound } from '../organizations-service';
import { organizationsRepo } from '../organizations-repo';
import { requireRole } from '../roles';
import { createUsersRepo } from '../users-repo';
import type { AuditPage } from '../../shared/audit-api';
import { auditRepo, toEntry, type AuditFilters } from './audit-repo';

/** An export is every matching entry, read in pages of this size, up to EXPORT_MAX_ROWS. */
const EXPORT_PAGE = 1000;
export const EXPORT_MAX_ROWS = 50_000;

/** The cursor is the last entry's id (entries are listed newest first, by id). */
const encode = (id: number) => Buffer.from(String(id)).toString('base64url');
function decode(cursor: string | undefined): number {
  if (cursor === undefined) return Number.MAX_SAFE_INTEGER;
  const id = Number(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!Number.isSafeInteger(id) || id < 1) throw new AppError('invalid_cursor', 'This cursor is not one the server gave out; start again without it.');
  return id;
}

type Scope = { orgId?: string | null };

async function pageOf(tx: Queryable, scope: Scope, filters: AuditFilters, limit: number, cursor?: string): Promise<AuditPage> {
  const rows = await auditRepo.page(tx, scope, filters, decode(cursor), limit + 1);
  const shown = rows.slice(0, limit);
  return { entries: shown.map(toEntry), nextCursor: rows.length > limit ? encode(shown.at(-1)!.id) : null };
}

async function everything(tx: Queryable, scope: Scope, filters: AuditFilters): Promise<AuditPage['entries']> {
  const all: AuditPage['entries'] = [];
  let cursor: string | undefined;
  do {
    const page = await pageOf(tx, scope, filters, EXPORT_PAGE, cursor);
    all.push(...page.entries);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && all.length < EXPORT_MAX_ROWS);
  return all.slice(0, EXPORT_MAX_ROWS);
}

/** Reading the trail: an organization's owners and admins read its chain; the platform admin reads every chain. */
export function createAuditLog(db: Db) {
  const users = createUsersRepo(db);

  async function asOrgAdmin(tx: Queryable, orgId: string, userId: string): Promise<void> {
    const org = await organizationsRepo.asSeenBy(tx, orgId, userId);
    if (!org) throw orgNotFound();
    requireRole(org.role, 'admin', 'read the audit log');
  }
  async function asPlatformAdmin(userId: string): Promise<void> {
    if (!(await users.isPlatformAdmin(userId))) throw new AppError('forbidden', 'Only platform admins can open the admin panel.');
  }

  return {
    page: (actorId: string, orgId: string, filters: AuditFilters, limit: number, cursor?: string) =>
      db.forOrg(orgId, async (tx) => {
        await asOrgAdmin(tx, orgId, actorId);
        return pageOf(tx, { orgId }, filters, limit, cursor);
      }),

    /** Every entry the filters match, newest first, up to EXPORT_MAX_ROWS. */
    export: (actorId: string, orgId: string, filters: AuditFilters) =>
      db.forOrg(orgId, async (tx) => {
        await asOrgAdmin(tx, orgId, actorId);
        return everything(tx, { orgId }, filters);
      }),

    /** Every chain, or one organization's (orgId), or the platform chain (orgId 'platform'). */
    async adminPage(adminId: string, orgId: string | undefined, filters: AuditFilters, limit: number, cursor?: string) {
      await asPlatformAdmin(adminId);
      return db.forPlatformAdmin(adminId, (tx) => pageOf(tx, { orgId: orgId === 'platform' ? null : orgId }, filters, limit, cursor));
    },

    async adminExport(adminId: string, orgId: string | undefined, filters: AuditFilters) {
      await asPlatformAdmin(adminId);
      return db.forPlatformAdmin(adminId, (tx) => everything(tx, { orgId: orgId === 'platform' ? null : orgId }, filters));
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
