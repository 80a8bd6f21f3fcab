import type { TenantContext } from '../../auth/tenant-context.ts';
import { auditEvent, type Snapshot } from '../../db/audit-event.ts';
import type { Store } from '../../db/client.ts';
import { tenantKey } from '../../db/keys.ts';
import { getTenantItem, queryTenantPartition } from '../../db/query.ts';
import { commit, putNew, updateIfVersion, type VersionedWrite } from '../../db/versioned.ts';
import type { EntityRef } from '../../errors.ts';
import { criteriaDefinitionKeys, criteriaSetKeys, criteriaVersionKeys, versionPart } from './keys.ts';
import { UnitKindSchema } from '@chiso/criteria';
import * as z from 'zod';
import { type CriteriaSet, CriteriaSetSchema, type CriteriaVersion, StoredVersionSchema, type VersionStatus } from './schemas.ts';

export type CriteriaSetRepository = ReturnType<typeof criteriaSetRepository>;

/** A version as written: its metadata and its definition as canonical JSON text. */
export interface NewVersion {
  version: Omit<CriteriaVersion, 'version'>;
  definitionJson: string;
}

const setEntity = (setKey: string): EntityRef => ({ type: 'criteria-set', id: setKey });
const versionEntity = (setKey: string, number: number): EntityRef => ({ type: 'criteria-version', id: `${setKey}@${versionPart(number)}` });

/** The audit record of a version: its metadata, and the definition by its content hash (never copied). */
function snapshotOf(version: Omit<CriteriaVersion, 'version'>): Snapshot {
  return {
    setKey: version.setKey,
    number: version.number,
    label: version.label,
    title: version.title,
    status: version.status,
    contentHash: version.contentHash,
    derivedFrom: version.derivedFrom,
  };
}

const AppliesToSchema = z.object({ appliesTo: z.array(UnitKindSchema) });

/** Criteria sets and their versions in the table (keys in DATA-MODEL.md); every write audited with it. */
export function criteriaSetRepository(store: Store) {
  /**
   * A version item as the API shows it. Items written before `appliesTo` was copied onto them get it
   * from their definition (one read each, only for those), so a listing never has to load definitions.
   */
  const versionOf = async (ctx: TenantContext, item: Record<string, unknown>): Promise<CriteriaVersion> => {
    const stored = StoredVersionSchema.parse(item);
    if (stored.appliesTo !== undefined) return { ...stored, appliesTo: stored.appliesTo };
    const definition = await getTenantItem(store, ctx, criteriaDefinitionKeys(ctx, stored.setKey, stored.number));
    const json = typeof definition?.definition === 'string' ? definition.definition : '{}';
    const parsed = AppliesToSchema.safeParse(JSON.parse(json));
    return { ...stored, appliesTo: parsed.success ? parsed.data.appliesTo : [] };
  };
  const versionsOf = (ctx: TenantContext, items: readonly Record<string, unknown>[]) => Promise.all(items.map((item) => versionOf(ctx, item)));

  return {
    async getSet(ctx: TenantContext, setKey: string): Promise<CriteriaSet | null> {
      const { pk, sk } = criteriaSetKeys(ctx, setKey);
      const item = await getTenantItem(store, ctx, { pk, sk });
      return item === null ? null : CriteriaSetSchema.parse(item);
    },

    /** The tenant's sets, by key. */
    async listSets(ctx: TenantContext): Promise<CriteriaSet[]> {
      const sets: CriteriaSet[] = [];
      let cursor: string | null = null;
      do {
        const page = await queryTenantPartition(store, ctx, { index: 'gsi1', partition: tenantKey(ctx, 'CRITERIA-SETS'), limit: 100, cursor });
        sets.push(...page.items.map((item) => CriteriaSetSchema.parse(item)));
        cursor = page.nextCursor;
      } while (cursor !== null);
      return sets;
    },

    /** The versions of a set, oldest first, without their definitions. */
    async listVersions(ctx: TenantContext, setKey: string): Promise<CriteriaVersion[]> {
      const versions: CriteriaVersion[] = [];
      let cursor: string | null = null;
      do {
        const page = await queryTenantPartition(store, ctx, { partition: tenantKey(ctx, 'CRITERIA-SET', setKey), sortBeginsWith: 'VERSION#', limit: 100, cursor });
        versions.push(...(await versionsOf(ctx, page.items)));
        cursor = page.nextCursor;
      } while (cursor !== null);
      return versions;
    },

    /** Published versions across the tenant's sets (what a campaign may choose). */
    async listByStatus(ctx: TenantContext, status: VersionStatus): Promise<CriteriaVersion[]> {
      const page = await queryTenantPartition(store, ctx, { index: 'gsi2', partition: tenantKey(ctx, 'CRITERIA-VERSIONS', status), limit: 200, cursor: null });
      return versionsOf(ctx, page.items);
    },

    async getVersion(ctx: TenantContext, setKey: string, number: number): Promise<CriteriaVersion | null> {
      const { pk, sk } = criteriaVersionKeys(ctx, setKey, number, 'draft');
      const item = await getTenantItem(store, ctx, { pk, sk });
      return item === null ? null : versionOf(ctx, item);
    },

    /** The definition JSON text of a version, or null. */
    async getDefinitionJson(ctx: TenantContext, setKey: string, number: number): Promise<string | null> {
      const item = await getTenantItem(store, ctx, criteriaDefinitionKeys(ctx, setKey, number));
      return typeof item?.definition === 'string' ? item.definition : null;
    },

    /**
     * Adds a version to a set in one transaction: the set is created at the first version, or its latest
     * number moves from `set.latestNumber` (so two drafts started at once cannot take the same number).
     */
    async insertVersion(ctx: TenantContext, set: CriteriaSet | null, added: NewVersion): Promise<CriteriaVersion> {
      const { version, definitionJson } = added;
      const now = version.createdAt;
      const writes: VersionedWrite[] = [];
      const events = [];
      if (set === null) {
        const created: CriteriaSet = { setKey: version.setKey, title: version.title, latestNumber: version.number, version: 1, createdAt: now, updatedAt: now };
        writes.push(putNew(setEntity(version.setKey), { ...criteriaSetKeys(ctx, version.setKey), type: 'criteria-set', ...created }));
        events.push(auditEvent(ctx, { action: 'criteria-set.created', entity: setEntity(version.setKey), entityVersion: 1, before: null, after: { ...created } }));
      } else {
        const { pk, sk } = criteriaSetKeys(ctx, set.setKey);
        writes.push(updateIfVersion(setEntity(set.setKey), { pk, sk }, set.version, { latestNumber: version.number, title: version.title, updatedAt: now }));
        events.push(
          auditEvent(ctx, {
            action: 'criteria-set.updated',
            entity: setEntity(set.setKey),
            entityVersion: set.version + 1,
            before: { latestNumber: set.latestNumber, title: set.title },
            after: { latestNumber: version.number, title: version.title },
          }),
        );
      }
      const entity = versionEntity(version.setKey, version.number);
      writes.push(putNew(entity, { ...criteriaVersionKeys(ctx, version.setKey, version.number, version.status), type: 'criteria-version', ...version }));
      writes.push(putNew(entity, { ...criteriaDefinitionKeys(ctx, version.setKey, version.number), type: 'criteria-definition', definition: definitionJson }));
      events.push(auditEvent(ctx, { action: 'criteria-version.created', entity, entityVersion: 1, before: null, after: snapshotOf(version) }));
      await commit(store, ctx, writes, events);
      return { ...version, version: 1 };
    },

    /** Replaces a draft's definition if the version is still at `current.version`. */
    async replaceDraft(ctx: TenantContext, current: CriteriaVersion, next: Omit<CriteriaVersion, 'version'>, definitionJson: string): Promise<CriteriaVersion> {
      const entity = versionEntity(current.setKey, current.number);
      const { pk, sk } = criteriaVersionKeys(ctx, current.setKey, current.number, current.status);
      const definitionKey = criteriaDefinitionKeys(ctx, current.setKey, current.number);
      const stored = await getTenantItem(store, ctx, definitionKey);
      const definitionVersion = typeof stored?.version === 'number' ? stored.version : 1;
      await commit(
        store,
        ctx,
        [
          updateIfVersion(entity, { pk, sk }, current.version, {
            label: next.label,
            title: next.title,
            appliesTo: next.appliesTo,
            contentHash: next.contentHash,
            problems: next.problems,
            updatedAt: next.updatedAt,
          }),
          updateIfVersion(entity, definitionKey, definitionVersion, { definition: definitionJson }),
        ],
        [
          auditEvent(ctx, {
            action: 'criteria-version.edited',
            entity,
            entityVersion: current.version + 1,
            before: { label: current.label, title: current.title, contentHash: current.contentHash },
            after: { label: next.label, title: next.title, contentHash: next.contentHash },
          }),
        ],
      );
      return { ...next, version: current.version + 1 };
    },

    /** Moves a version to `status` (publish, retire) if it is still at `current.version`. */
    async setStatus(ctx: TenantContext, current: CriteriaVersion, status: VersionStatus, at: string): Promise<CriteriaVersion> {
      const entity = versionEntity(current.setKey, current.number);
      const keys = criteriaVersionKeys(ctx, current.setKey, current.number, status);
      const stamp = status === 'published' ? { publishedAt: at } : status === 'retired' ? { retiredAt: at } : {};
      await commit(
        store,
        ctx,
        [updateIfVersion(entity, { pk: keys.pk, sk: keys.sk }, current.version, { status, gsi2pk: keys.gsi2pk, updatedAt: at, ...stamp })],
        [
          auditEvent(ctx, {
            action: status === 'published' ? 'criteria-version.published' : 'criteria-version.retired',
            entity,
            entityVersion: current.version + 1,
            before: { status: current.status },
            after: { status, contentHash: current.contentHash },
          }),
        ],
      );
      return { ...current, ...stamp, status, updatedAt: at, version: current.version + 1 };
    },
  };
}
