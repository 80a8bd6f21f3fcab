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

/** A change of a submission's evidence: its new content and score, and what the audit log says of it. */
export interface EvidenceChange {
  head: Pick<SubmissionHead, 'score' | 'startedAt' | 'updatedAt'>;
  content: Omit<SubmissionContent, 'version'>;
  action: 'submission.file-attached' | 'submission.file-removed';
  before: Snapshot;
  after: Snapshot;
}

/** Evidence writes: files attached and removed (audited on the submission), and the last link report. */
export function evidenceRepository(store: Store) {
  return {
    /**
     * Saves the content from the versions read (the head's, which the client sent, and the content's),
     * with the new score on the head, in one transaction with its audit event.
     */
    async saveChange(ctx: TenantContext, current: StoredSubmission, change: EvidenceChange): Promise<StoredSubmission> {
      const { head, content } = current;
      const entity = submissionEntity(head.campaignId, head.unitId);
      const keys = submissionHeadKeys(ctx, head);
      await commit(
        store,
        ctx,
        [
          updateIfVersion(entity, { pk: keys.pk, sk: keys.sk }, head.version, { ...change.head }),
          updateIfVersion(entity, submissionContentKeys(ctx, head.campaignId, head.unitId), content.version, { ...change.content }),
        ],
        [auditEvent(ctx, { action: change.action, entity, entityVersion: head.version + 1, before: change.before, after: change.after })],
      );
      return { head: { ...head, ...change.head, version: head.version + 1 }, content: { ...change.content, version: content.version + 1 } };
    },

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
