import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { TenantContext } from '../../auth/tenant-context.ts';
import { type Snapshot, auditEvent } from '../../db/audit-event.ts';
import type { Store } from '../../db/client.ts';
import { isTenantKey } from '../../db/keys.ts';
import { getTenantItem } from '../../db/query.ts';
import { commit, updateIfVersion } from '../../db/versioned.ts';
import { submissionContentKeys, submissionHeadKeys } from '../submissions/keys.ts';
import { type StoredSubmission, submissionEntity } from '../submissions/repository.ts';
import type { SubmissionContent, SubmissionHead } from '../submissions/schemas.ts';
import { linkReportKeys } from './keys.ts';
import { type LinkReport, LinkReportSchema } from './schemas.ts';

export type EvidenceRepository = ReturnType<typeof evidenceRepository>;

/** Evidence's own items: the last link report (files are saved with the submission's content). */
export function evidenceRepository(store: Store) {
  return {
    async linkReport(ctx: TenantContext, campaignId: string, unitId: string): Promise<LinkReport | null> {
      const item = await getTenantItem(store, ctx, linkReportKeys(ctx, campaignId, unitId));
      return item === null ? null : LinkReportSchema.parse(item);
    },

    /**
     * Replaces the last link report. Not versioned and not audited, on purpose: it records what the
     * outside world answered, changes nothing anyone decided, and a reviewer's check must not make the
     * school's next autosave stale. Who ran it and when are in the report itself.
     */
    async putLinkReport(ctx: TenantContext, report: LinkReport): Promise<void> {
      const keys = linkReportKeys(ctx, report.campaignId, report.unitId);
      if (!isTenantKey(ctx, keys.pk)) throw new TypeError(`Key ${keys.pk} is outside tenant ${ctx.tenantId}`);
      await store.db.send(new PutCommand({ TableName: store.tableName, Item: { ...keys, type: 'link-report', ...report } }));
    },
  };
}
