import { type UnitKind, UnitKindSchema } from '@chiso/criteria';
import * as z from 'zod';
import { pathIds } from '../../auth/scope.ts';
import type { TenantContext } from '../../auth/tenant-context.ts';
import { type AuditEvent, auditEvent } from '../../db/audit-event.ts';
import type { Store } from '../../db/client.ts';
import type { ItemKey } from '../../db/keys.ts';
import { getTenantItem, queryTenantPartition } from '../../db/query.ts';
import { type VersionedWrite, reindex } from '../../db/versioned.ts';
import type { EntityRef } from '../../errors.ts';
import { accountKeys } from '../accounts/keys.ts';
import { accountEntity } from '../accounts/repository.ts';
import { campaignPartition } from '../campaigns/keys.ts';
import { campaignEntity, campaignRepository } from '../campaigns/repository.ts';
import type { Campaign } from '../campaigns/schemas.ts';
import { recogniserOf } from '../submissions/enrolment.ts';
import { campaignSubmissionsIndex, submissionPartition } from '../submissions/keys.ts';
import { submissionEntity } from '../submissions/repository.ts';
import { accountsByPathPartition, treePartition, unitKeys } from './keys.ts';
import { unitEntity } from './repository.ts';
import type { UnitMove } from './schemas.ts';

/**
 * An item that copies a path of the moving subtree: a unit beneath the moving one (`path`), an account
 * at home there (`homePath`), a submission head of a unit there in any campaign (`unitPath`, #18/#19),
 * or a campaign owned by a unit there (`ownerPath`). `value` is the copy as last read.
 */
export interface PathCopy {
  entity: EntityRef;
  key: ItemKey;
  field: 'path' | 'homePath' | 'unitPath' | 'ownerPath';
  value: string;
  /**
   * A submission that is still a draft takes the recogniser its new place gives it (campaign rule
   * `nearest-office`); once submitted it keeps the one it was submitted to. Set only when it changes.
   */
  recogniser: { from: string; to: string; version: number } | null;
}

/** Where `value` lands once the subtree at `mark.fromPath` sits at `mark.toPath`. */
export function movedPath(mark: UnitMove, value: string): string {
  return mark.toPath + value.slice(mark.fromPath.length);
}

/** The items copies take in a transaction: each its write, and a changed recogniser its audit event. */
export function itemsOf(copies: readonly PathCopy[]): number {
  return copies.reduce((sum, copy) => sum + (copy.recogniser === null ? 1 : 2), 0);
}

/** Takes from the front of `copies` as many as fit in `items` transaction items. */
export function takeItems(copies: PathCopy[], items: number): PathCopy[] {
  let count = 0;
  let used = 0;
  for (const copy of copies) {
    const size = copy.recogniser === null ? 1 : 2;
    if (used + size > items) break;
    used += size;
    count += 1;
  }
  return copies.splice(0, count);
}

/** Identifies a copy across reads (an index may show it again before it catches up). */
export const copyId = (copy: PathCopy): string => `${copy.key.pk}\n${copy.key.sk}`;

/** The conditional rewrite of a copy: a batch run twice (a resumed job) fails on what the first run did, never overwrites. */
export function rewriteOf(mark: UnitMove, copy: PathCopy): VersionedWrite {
  const next = movedPath(mark, copy.value);
  switch (copy.field) {
    case 'path':
      return reindex(copy.entity, copy.key, { path: copy.value }, { path: next, depth: pathIds(next).length - 1, gsi1sk: `PATH#${next}` });
    case 'homePath':
      return reindex(copy.entity, copy.key, { homePath: copy.value }, { homePath: next, gsi1sk: `PATH#${next}ACCOUNT#${copy.entity.id}` });
    case 'ownerPath':
      return reindex(copy.entity, copy.key, { ownerPath: copy.value }, { ownerPath: next });
    case 'unitPath': {
      const set = { unitPath: next, gsi1sk: `PATH#${next}`, gsi2sk: `PATH#${next}` };
      if (copy.recogniser === null) return reindex(copy.entity, copy.key, { unitPath: copy.value }, set);
      // Only while still a draft: a submission sent meanwhile keeps its recogniser (the batch is re-read and retried).
      const expected = { unitPath: copy.value, status: 'draft', recogniserUnitId: copy.recogniser.from };
      return reindex(copy.entity, copy.key, expected, { ...set, recogniserUnitId: copy.recogniser.to });
    }
  }
}

/**
 * The audit event of a submission whose recogniser the move changes, in its own history. Its version
 * stays: the school's next autosave must not fail for a change it did not make.
 */
export function copyEvents(ctx: TenantContext, mark: UnitMove, copy: PathCopy): AuditEvent[] {
  if (copy.recogniser === null) return [];
  const { from, to, version } = copy.recogniser;
  return [
    auditEvent(ctx, {
      action: 'submission.recogniser-changed',
      entity: copy.entity,
      entityVersion: version,
      before: { unitPath: copy.value, recogniserUnitId: from },
      after: { unitPath: movedPath(mark, copy.value), recogniserUnitId: to },
    }),
  ];
}

const UnitPathItem = z.object({ id: z.string(), path: z.string() });
const AccountPathItem = z.object({ id: z.string(), homePath: z.string() });
const CampaignPathItem = z.object({ id: z.string(), ownerPath: z.string() });
const HeadPathItem = z.object({
  campaignId: z.string(),
  unitId: z.string(),
  unitPath: z.string(),
  status: z.string(),
  recogniserUnitId: z.string(),
  version: z.int(),
});
type HeadPathItem = z.output<typeof HeadPathItem>;
const UnitKindItem = z.object({ kind: UnitKindSchema });

/**
 * Finds the path copies of one move as the indexes show them, and reads copies again after a failed
 * batch. Made for one step of the move: it keeps the tenant's campaigns and the kinds of the units it
 * looked up (offices above moved schools, for their recognisers) for that step only.
 */
export function copyFinder(store: Store, ctx: TenantContext, mark: UnitMove, movingUnitId: string) {
  let campaigns: Promise<Campaign[]> | null = null;
  const campaignsOf = () => (campaigns ??= campaignRepository(store).list(ctx, undefined));
  const kinds = new Map<string, UnitKind | null>();

  const loadKinds = async (ids: Iterable<string>): Promise<void> => {
    const missing = [...new Set(ids)].filter((id) => !kinds.has(id));
    await Promise.all(
      missing.map(async (id) => {
        const item = await getTenantItem(store, ctx, unitKeys(ctx, id));
        kinds.set(id, item === null ? null : UnitKindItem.parse(item).kind);
      }),
    );
  };

  /** The copies of submission heads, with the recogniser each draft takes at its new place. */
  const headCopies = async (heads: readonly HeadPathItem[]): Promise<PathCopy[]> => {
    const byId = new Map((await campaignsOf()).map((campaign) => [campaign.id, campaign]));
    const retargeted = heads.flatMap((head) => {
      const campaign = byId.get(head.campaignId);
      const next = movedPath(mark, head.unitPath);
      // A closed campaign's draft was never sent: nothing is left to recognise. A unit moved out of the
      // owner's subtree no longer takes part, so what it had stays as a record.
      if (campaign === undefined || campaign.status === 'closed' || head.status !== 'draft' || !pathIds(next).includes(campaign.ownerUnitId)) return [];
      return [{ head, campaign, next }];
    });
    await loadKinds(retargeted.flatMap(({ next }) => pathIds(next).slice(0, -1)));
    const unitOf = (id: string) => {
      const kind = kinds.get(id);
      return kind === undefined || kind === null ? undefined : { kind };
    };
    const recognisers = new Map(retargeted.map(({ head, campaign, next }) => [head, recogniserOf(campaign, { path: next }, unitOf)]));
    return heads.map((head): PathCopy => {
      const to = recognisers.get(head);
      return {
        entity: submissionEntity(head.campaignId, head.unitId),
        key: { pk: submissionPartition(ctx, head.campaignId, head.unitId), sk: 'SUBMISSION' },
        field: 'unitPath',
        value: head.unitPath,
        recogniser: to === undefined || to === head.recogniserUnitId ? null : { from: head.recogniserUnitId, to, version: head.version },
      };
    });
  };

  const plainCopy = (field: 'path' | 'homePath' | 'ownerPath', item: Record<string, unknown>): PathCopy => {
    if (field === 'path') {
      const unit = UnitPathItem.parse(item);
      return { entity: unitEntity(unit.id), key: unitKeys(ctx, unit.id), field, value: unit.path, recogniser: null };
    }
    if (field === 'homePath') {
      const account = AccountPathItem.parse(item);
      return { entity: accountEntity(account.id), key: accountKeys(ctx, account.id), field, value: account.homePath, recogniser: null };
    }
    const campaign = CampaignPathItem.parse(item);
    return { entity: campaignEntity(campaign.id), key: { pk: campaignPartition(ctx, campaign.id), sk: 'CAMPAIGN' }, field, value: campaign.ownerPath, recogniser: null };
  };

  const underOldPath = async (index: 'gsi1', partition: string): Promise<Record<string, unknown>[]> => {
    const items: Record<string, unknown>[] = [];
    let cursor: string | null = null;
    do {
      const page = await queryTenantPartition(store, ctx, { index, partition, sortBeginsWith: `PATH#${mark.fromPath}`, limit: 500, cursor });
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    return items;
  };

  return {
    /**
     * Every copy still under the old path: units beneath the moving one (tree index, #6), accounts
     * (#12), the submission heads of every campaign (#16 then #18; closed campaigns too, since access
     * follows the live tree and listings must agree), campaigns' owners (#16). The indexes lag a little
     * behind the table, so a copy already rewritten may still show; its condition then fails and
     * `again` sorts it out.
     */
    async all(): Promise<PathCopy[]> {
      const all = await campaignsOf();
      const [units, accounts, heads] = await Promise.all([
        underOldPath('gsi1', treePartition(ctx)),
        underOldPath('gsi1', accountsByPathPartition(ctx)),
        Promise.all(all.map((campaign) => underOldPath('gsi1', campaignSubmissionsIndex(ctx, campaign.id)))).then((lists) => lists.flat()),
      ]);
      return [
        ...units.map((item) => plainCopy('path', item)).filter((copy) => copy.entity.id !== movingUnitId),
        ...accounts.map((item) => plainCopy('homePath', item)),
        ...(await headCopies(heads.map((item) => HeadPathItem.parse(item)))),
        ...all.filter((campaign) => campaign.ownerPath.startsWith(mark.fromPath)).map((campaign) => plainCopy('ownerPath', { ...campaign })),
      ];
    },

    /** `copies` as the table holds them now (consistent reads), keeping only those still under the old path. */
    async again(copies: readonly PathCopy[]): Promise<PathCopy[]> {
      const fresh = await Promise.all(
        copies.map(async (copy) => {
          const item = await getTenantItem(store, ctx, copy.key);
          const value = item?.[copy.field];
          return item !== null && typeof value === 'string' && value.startsWith(mark.fromPath) ? [{ copy, item }] : [];
        }),
      );
      const found = fresh.flat();
      const heads = await headCopies(found.flatMap(({ copy, item }) => (copy.field === 'unitPath' ? [HeadPathItem.parse(item)] : [])));
      const others = found.flatMap(({ copy, item }) => (copy.field === 'unitPath' ? [] : [plainCopy(copy.field, item)]));
      return [...others, ...heads];
    },
  };
}
