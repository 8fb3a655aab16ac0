import type { Org, OwnershipTransfer } from '../shared/api';
import { AppError } from './app-error';
import type { Db, Queryable } from './db';
import { organizationsRepo } from './organizations-repo';
import { orgNotFound } from './organizations-service';
import { ownershipTransfersRepo as repo, type StoredTransfer } from './ownership-transfers-repo';
import { requireRole } from './roles';
import { recordAudit } from './audit/audit';

export const TRANSFER_DAYS = 7;

const noOffer = () => new AppError('not_found', 'This organization has no pending ownership offer.');

/**
 * Ownership changes hands in two steps: an owner offers it to a member, and nothing changes until
 * that member accepts; then they become owner and the owner who offered becomes admin. The offer
 * can be declined (by the member) or cancelled (by an owner), and it expires. One pending offer
 * per organization. Every step takes the organization's row lock first, so two steps take turns.
 */
export function createOwnershipTransfers(db: Db) {
  /** The caller's membership (404 for outsiders), then the lock every step takes. */
  async function begin(tx: Queryable, orgId: string, userId: string): Promise<Org> {
    const org = await organizationsRepo.asSeenBy(tx, orgId, userId);
    if (!org) throw orgNotFound();
    await organizationsRepo.lock(tx, orgId);
    return org;
  }

  /** The organization's offer (expired ones too: each step decides what expiry means to it), or 404. */
  async function pending(tx: Queryable, orgId: string): Promise<StoredTransfer> {
    const offer = await repo.find(tx, orgId);
    if (!offer) throw noOffer();
    return offer;
  }

  const shown = ({ expired: _expired, ...offer }: StoredTransfer): OwnershipTransfer => offer;

  return {
    /** The pending offer, for every member to see (null when there is none, or it expired). */
    current: (actorId: string, orgId: string): Promise<OwnershipTransfer | null> =>
      db.forOrg(orgId, async (tx) => {
        if (!(await organizationsRepo.asSeenBy(tx, orgId, actorId))) throw orgNotFound();
        const offer = await repo.find(tx, orgId);
        return offer && !offer.expired ? shown(offer) : null;
      }),

    /** An owner offers ownership to another member (not an owner). An expired offer makes way. */
    offer: (actorId: string, orgId: string, toUserId: string): Promise<OwnershipTransfer> =>
      db.forOrg(orgId, async (tx) => {
        const org = await begin(tx, orgId, actorId);
        requireRole(org.role, 'owner', 'offer ownership');
        const existing = await repo.find(tx, orgId);
        if (existing && !existing.expired) {
          throw new AppError('transfer_pending', `Ownership is already offered to ${existing.to.email}: cancel that offer first.`);
        }
        const target = toUserId === actorId ? undefined : await organizationsRepo.lockMember(tx, orgId, toUserId);
        if (!target) throw new AppError('not_found', 'Offer ownership to another member of this organization.');
        if (target === 'owner') throw new AppError('bad_request', 'That member is an owner already.');
        if (existing) await repo.remove(tx, orgId);
        await repo.insert(tx, orgId, actorId, toUserId, new Date(Date.now() + TRANSFER_DAYS * 24 * 60 * 60_000));
        const offer = (await repo.find(tx, orgId))!;
        await recordAudit(tx, { orgId, action: 'ownership.transfer_offered', target: { type: 'user', id: toUserId, label: offer.to.email } });
        return shown(offer);
      }),

    /**
     * Only the member it was offered to; before it expires; while the owner who offered still is
     * one. They become owner, and that owner becomes admin: the organization always has an owner.
     */
    accept: (actorId: string, orgId: string): Promise<Org> =>
      db.forOrg(orgId, async (tx) => {
        await begin(tx, orgId, actorId);
        const offer = await pending(tx, orgId);
        if (offer.to.userId !== actorId) throw new AppError('forbidden', 'This ownership offer is for another member.');
        if (offer.expired) throw new AppError('transfer_expired', 'This ownership offer has expired. The owner can offer it again.');
        await organizationsRepo.lockOwners(tx, orgId);
        if ((await organizationsRepo.lockMember(tx, orgId, offer.from.userId)) !== 'owner') {
          await repo.remove(tx, orgId);
          throw new AppError('not_found', `${offer.from.email} is no longer an owner, so their offer lapsed.`);
        }
        await organizationsRepo.setRole(tx, orgId, actorId, 'owner');
        await organizationsRepo.setRole(tx, orgId, offer.from.userId, 'admin');
        await repo.remove(tx, orgId);
        await recordAudit(tx, {
          orgId,
          action: 'ownership.transferred',
          target: { type: 'user', id: offer.from.userId, label: offer.from.email },
          summary: { before: { owner: offer.from.email }, after: { owner: offer.to.email } },
        });
        return (await organizationsRepo.asSeenBy(tx, orgId, actorId))!;
      }),

    /** The member it was offered to says no: nothing changes, and the offer is gone. */
    decline: (actorId: string, orgId: string): Promise<void> =>
      db.forOrg(orgId, async (tx) => {
        await begin(tx, orgId, actorId);
        const offer = await pending(tx, orgId);
        if (offer.to.userId !== actorId) throw new AppError('forbidden', 'This ownership offer is for another member.');
        await repo.remove(tx, orgId);
      }),

    /** Any owner withdraws the offer (expired or not). */
    cancel: (actorId: string, orgId: string): Promise<void> =>
      db.forOrg(orgId, async (tx) => {
        const org = await begin(tx, orgId, actorId);
        requireRole(org.role, 'owner', 'cancel an ownership offer');
        await pending(tx, orgId);
        await repo.remove(tx, orgId);
      }),
  };
}

export type OwnershipTransfers = ReturnType<typeof createOwnershipTransfers>;
