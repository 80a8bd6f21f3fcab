import type { TenantContext } from '../../auth/tenant-context.ts';
import { type Snapshot, auditEvent } from '../../db/audit-event.ts';
import type { Store } from '../../db/client.ts';
import { tenantKey } from '../../db/keys.ts';
import { getTenantItem, queryTenantPartition } from '../../db/query.ts';
import { checkVersion, commit, putNew, updateIfVersion } from '../../db/versioned.ts';
import type { EntityRef } from '../../errors.ts';
import { guardChecks } from '../units/move-guard.ts';
import { campaignKeys, campaignPartition, extensionKeys } from './keys.ts';
import { type Campaign, CampaignSchema, type ExtendedStep, type Extension, ExtensionSchema } from './schemas.ts';

export type CampaignRepository = ReturnType<typeof campaignRepository>;

export const campaignEntity = (campaignId: string): EntityRef => ({ type: 'campaign', id: campaignId });

/** The fields of a campaign as its audit record keeps them. */
function snapshotOf(campaign: Campaign): Snapshot {
  return {
    ownerUnitId: campaign.ownerUnitId,
    name: campaign.name,
    schoolYear: campaign.schoolYear,
    status: campaign.status,
    criteria: campaign.criteria.map((c) => ({ kinds: [...c.kinds], setKey: c.setKey, number: c.number, label: c.label, contentHash: c.contentHash })),
    deadlines: { ...campaign.deadlines },
    recognition: { ...campaign.recognition },
  };
}

/** The changed fields of `next` against `current`, before → after, for the audit log and the update. */
export function campaignChanges(current: Campaign, next: Campaign): { before: Snapshot; after: Snapshot } {
  const was = snapshotOf(current);
  const now = snapshotOf(next);
  const before: Snapshot = {};
  const after: Snapshot = {};
  for (const key of Object.keys(now)) {
    if (JSON.stringify(was[key]) === JSON.stringify(now[key])) continue;
    before[key] = was[key] ?? null;
    after[key] = now[key] ?? null;
  }
  return { before, after };
}

/** Campaigns and their extensions in the table (keys in DATA-MODEL.md); every write audited with it. */
export function campaignRepository(store: Store) {
  return {
    async get(ctx: TenantContext, campaignId: string): Promise<Campaign | null> {
      const item = await getTenantItem(store, ctx, { pk: campaignPartition(ctx, campaignId), sk: 'CAMPAIGN' });
      return item === null ? null : CampaignSchema.parse(item);
    },

    /** The tenant's campaigns, by school year then id; optionally of one school year. A tenant has a few a year. */
    async list(ctx: TenantContext, schoolYear: string | undefined): Promise<Campaign[]> {
      const campaigns: Campaign[] = [];
      let cursor: string | null = null;
      do {
        const page = await queryTenantPartition(store, ctx, {
          index: 'gsi1',
          partition: tenantKey(ctx, 'CAMPAIGNS'),
          ...(schoolYear !== undefined && { sortBeginsWith: `${schoolYear}#` }),
          limit: 100,
          cursor,
        });
        campaigns.push(...page.items.map((item) => CampaignSchema.parse(item)));
        cursor = page.nextCursor;
      } while (cursor !== null);
      return campaigns;
    },

    /**
     * Creates a campaign at version 1 (audited `campaign.created`), on condition that the units of
     * `guards` (the owner and those above it, whose path it copies) are still at the versions read.
     */
    async insert(ctx: TenantContext, campaign: Campaign, guards: readonly { id: string; version: number }[] = []): Promise<Campaign> {
      const entity = campaignEntity(campaign.id);
      await commit(
        store,
        ctx,
        [putNew(entity, { ...campaignKeys(ctx, campaign), type: 'campaign', ...campaign }), ...guardChecks(ctx, guards)],
        [auditEvent(ctx, { action: 'campaign.created', entity, entityVersion: 1, before: null, after: { id: campaign.id, ...snapshotOf(campaign) } })],
      );
      return campaign;
    },

    /**
     * Writes `next` over `current` if the stored campaign is still at `current.version`, audited as
     * `action` with the changed fields; `extra` goes into the audit record's `after` (e.g. how many
     * submissions opening created).
     */
    async update(ctx: TenantContext, current: Campaign, next: Campaign, action: string, extra: Snapshot = {}): Promise<Campaign> {
      const { before, after } = campaignChanges(current, next);
      const entity = campaignEntity(current.id);
      const updated: Campaign = { ...next, version: current.version + 1 };
      const keys = campaignKeys(ctx, updated);
      // ownerPath is a copy of the owner's place, rewritten by a unit move without a version change: never written back from a read.
      const { version: _version, id: _id, ownerPath: _ownerPath, ...fields } = updated;
      await commit(
        store,
        ctx,
        [updateIfVersion(entity, { pk: keys.pk, sk: keys.sk }, current.version, { ...fields, gsi1sk: keys.gsi1sk })],
        [auditEvent(ctx, { action, entity, entityVersion: updated.version, before, after: { ...after, ...extra } })],
      );
      return updated;
    },

    /** A unit's extension of `step`, or null. */
    async getExtension(ctx: TenantContext, campaignId: string, unitId: string, step: ExtendedStep = 'selfAssessment'): Promise<Extension | null> {
      const item = await getTenantItem(store, ctx, extensionKeys(ctx, campaignId, unitId, step));
      return item === null ? null : ExtensionSchema.parse(item);
    },

    /** One unit's extensions, every step (one Query of its `EXTENSION#<u>` items). */
    async unitExtensions(ctx: TenantContext, campaignId: string, unitId: string): Promise<Extension[]> {
      const page = await queryTenantPartition(store, ctx, { partition: campaignPartition(ctx, campaignId), sortBeginsWith: `EXTENSION#${unitId}`, limit: 20, cursor: null });
      // The prefix also matches a longer unit id that starts with this one.
      return page.items.map((item) => ExtensionSchema.parse(item)).filter((extension) => extension.unitId === unitId);
    },

    /** Every extension of a campaign, every step, by unit id. */
    async listExtensions(ctx: TenantContext, campaignId: string): Promise<Extension[]> {
      const extensions: Extension[] = [];
      let cursor: string | null = null;
      do {
        const page = await queryTenantPartition(store, ctx, { partition: campaignPartition(ctx, campaignId), sortBeginsWith: 'EXTENSION#', limit: 100, cursor });
        extensions.push(...page.items.map((item) => ExtensionSchema.parse(item)));
        cursor = page.nextCursor;
      } while (cursor !== null);
      return extensions;
    },

    /**
     * Grants a unit an extension of `step`, or moves the one it has from the version read (audited
     * `campaign.extension-granted` in the campaign's history). The campaign item itself does not change,
     * so its history records the grant at the campaign's own version.
     */
    async saveExtension(
      ctx: TenantContext,
      campaign: Campaign,
      grant: { unitId: string; step: ExtendedStep; until: string; reason: string | null },
      current: Extension | null,
      at: string,
    ): Promise<Extension> {
      const { unitId, step, until, reason } = grant;
      const entity = campaignEntity(campaign.id);
      const grantedBy = ctx.actor.kind === 'account' ? ctx.actor.accountId : 'system-admin';
      const next: Extension =
        current === null
          ? { campaignId: campaign.id, unitId, step, until, reason, grantedBy, version: 1, createdAt: at, updatedAt: at }
          : { ...current, until, reason, grantedBy, updatedAt: at, version: current.version + 1 };
      const keys = extensionKeys(ctx, campaign.id, unitId, step);
      const write =
        current === null
          ? putNew(entity, { ...keys, type: 'campaign-extension', ...next })
          : updateIfVersion(entity, keys, current.version, { until, reason, grantedBy, updatedAt: at });
      const event = auditEvent(ctx, {
        action: 'campaign.extension-granted',
        entity,
        entityVersion: campaign.version,
        before: current === null ? null : { unitId, step, until: current.until, reason: current.reason },
        after: { unitId, step, until, reason },
      });
      // Also on condition that the campaign is as read: no grant slips past a concurrent close.
      const campaignItem = campaignKeys(ctx, campaign);
      await commit(store, ctx, [write, checkVersion(entity, { pk: campaignItem.pk, sk: campaignItem.sk }, campaign.version)], [event]);
      return next;
    },
  };
}
