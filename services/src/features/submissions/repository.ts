import type { TenantContext } from '../../auth/tenant-context.ts';
import { type AuditEvent, type Snapshot, auditEvent } from '../../db/audit-event.ts';
import type { Store } from '../../db/client.ts';
import { queryTenantPartition } from '../../db/query.ts';
import { type VersionedWrite, commit, putNew, updateIfVersion } from '../../db/versioned.ts';
import { ConflictError, type EntityRef } from '../../errors.ts';
import { guardChecks } from '../units/move-guard.ts';
import { campaignSubmissionsIndex, submissionContentKeys, submissionHeadKeys, submissionPartition } from './keys.ts';
import {
  type SubmissionContent,
  SubmissionContentSchema,
  type SubmissionHead,
  SubmissionHeadSchema,
  type SubmissionStatus,
} from './schemas.ts';

export type SubmissionRepository = ReturnType<typeof submissionRepository>;

/** A submission as stored: its head (status, score, pin) and its content (answers, awards, evidence, comments). */
export interface StoredSubmission {
  head: SubmissionHead;
  content: SubmissionContent;
}

/** One id per submission for errors and the audit log: campaign and unit ids never hold a dot. */
export const submissionEntity = (campaignId: string, unitId: string): EntityRef => ({ type: 'submission', id: `${campaignId}.${unitId}` });

/**
 * A submission to create, on condition that the units whose path it copies (the school and the offices
 * above it but the root) are still at these versions: a move marked meanwhile then makes it fail
 * instead of leaving a path the move will not rewrite (units/move-guard.ts).
 */
export interface PlannedSubmission {
  submission: StoredSubmission;
  guards: readonly { id: string; version: number }[];
}

// DynamoDB's limit on one transaction.
const MAX_ITEMS = 100;
// Opening a large province writes this many transactions at a time.
const PARALLEL_TRANSACTIONS = 4;

function creationWrites(ctx: TenantContext, submission: StoredSubmission): { writes: VersionedWrite[]; event: AuditEvent } {
  const { head, content } = submission;
  const entity = submissionEntity(head.campaignId, head.unitId);
  const { version: _h, ...headFields } = head;
  const { version: _c, ...contentFields } = content;
  return {
    writes: [
      putNew(entity, { ...submissionHeadKeys(ctx, head), type: 'submission', ...headFields }),
      putNew(entity, { ...submissionContentKeys(ctx, head.campaignId, head.unitId), type: 'submission-content', ...contentFields }),
    ],
    event: auditEvent(ctx, {
      action: 'submission.created',
      entity,
      entityVersion: 1,
      before: null,
      after: {
        campaignId: head.campaignId,
        unitId: head.unitId,
        status: head.status,
        criteria: { ...head.criteria },
        recogniserUnitId: head.recogniserUnitId,
      },
    }),
  };
}

/**
 * Planned submissions in order, packed into transactions: three items each (head, content, audit
 * event) and the version checks of their units, a unit shared by several checked once. Schools under
 * one Phòng: 24 to a transaction.
 */
function batchesOf(planned: readonly PlannedSubmission[]): PlannedSubmission[][] {
  const batches: PlannedSubmission[][] = [];
  let batch: PlannedSubmission[] = [];
  let checked = new Set<string>();
  for (const one of planned) {
    const added = new Set(one.guards.map((guard) => guard.id).filter((id) => !checked.has(id))).size;
    if (batch.length > 0 && 3 * (batch.length + 1) + checked.size + added > MAX_ITEMS) {
      batches.push(batch);
      batch = [];
      checked = new Set();
    }
    batch.push(one);
    for (const guard of one.guards) checked.add(guard.id);
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/** Submissions in the table (keys in DATA-MODEL.md); every write audited in the same transaction. */
export function submissionRepository(store: Store) {
  const insertOne = async (ctx: TenantContext, submission: StoredSubmission, guards: PlannedSubmission['guards'] = []): Promise<boolean> => {
    const { writes, event } = creationWrites(ctx, submission);
    try {
      await commit(store, ctx, [...writes, ...guardChecks(ctx, guards)], [event]);
      return true;
    } catch (error) {
      if (error instanceof ConflictError && error.reason === 'exists') return false;
      throw error;
    }
  };

  return {
    /** A submission with its content (one consistent Query of its partition), or null. */
    async get(ctx: TenantContext, campaignId: string, unitId: string): Promise<StoredSubmission | null> {
      const page = await queryTenantPartition(store, ctx, { partition: submissionPartition(ctx, campaignId, unitId), limit: 10, cursor: null, consistent: true });
      const head = page.items.find((item) => item.sk === 'SUBMISSION');
      const content = page.items.find((item) => item.sk === 'CONTENT');
      if (head === undefined || content === undefined) return null;
      return { head: SubmissionHeadSchema.parse(head), content: SubmissionContentSchema.parse(content) };
    },

    /**
     * Creates one submission (audited `submission.created`), on condition of `guards` (a stale one is a
     * ConflictError naming the unit); false if the unit already has one.
     */
    insert: insertOne,

    /**
     * Creates many submissions, each audited, as many to a transaction as fit with their guards. A
     * batch that meets a submission made meanwhile (a school that opened its form at that moment) or a
     * unit changed since it was read is redone one by one: the first is skipped, and so is a submission
     * whose units changed (a move marked, a rename), which then joins on its first read. Returns how
     * many were created.
     */
    async insertMany(ctx: TenantContext, planned: readonly PlannedSubmission[]): Promise<number> {
      let created = 0;
      const writeBatch = async (batch: PlannedSubmission[]): Promise<void> => {
        const parts = batch.map((one) => creationWrites(ctx, one.submission));
        try {
          await commit(
            store,
            ctx,
            [...parts.flatMap((part) => part.writes), ...guardChecks(ctx, batch.flatMap((one) => one.guards))],
            parts.map((part) => part.event),
          );
          created += batch.length;
        } catch (error) {
          if (!(error instanceof ConflictError)) throw error;
          for (const one of batch) {
            try {
              if (await insertOne(ctx, one.submission, one.guards)) created += 1;
            } catch (single) {
              if (!(single instanceof ConflictError)) throw single;
            }
          }
        }
      };
      const batches = batchesOf(planned);
      for (let i = 0; i < batches.length; i += PARALLEL_TRANSACTIONS) await Promise.all(batches.slice(i, i + PARALLEL_TRANSACTIONS).map(writeBatch));
      return created;
    },

    /**
     * Saves changed content from the versions read (the head's, which the client sent, and the
     * content's), with the new score on the head; audited `submission.edited` with what changed.
     */
    async saveContent(
      ctx: TenantContext,
      current: StoredSubmission,
      next: { head: Pick<SubmissionHead, 'score' | 'startedAt' | 'updatedAt'>; content: Omit<SubmissionContent, 'version'> },
      // Evidence changes name themselves in the audit log; answers and awards are `submission.edited`.
      change: { before: Snapshot; after: Snapshot; action?: 'submission.edited' | 'submission.file-attached' | 'submission.file-removed' },
    ): Promise<StoredSubmission> {
      const { head, content } = current;
      const entity = submissionEntity(head.campaignId, head.unitId);
      const keys = submissionHeadKeys(ctx, head);
      await commit(
        store,
        ctx,
        [
          updateIfVersion(entity, { pk: keys.pk, sk: keys.sk }, head.version, { ...next.head }),
          updateIfVersion(entity, submissionContentKeys(ctx, head.campaignId, head.unitId), content.version, { ...next.content }),
        ],
        [auditEvent(ctx, { action: change.action ?? 'submission.edited', entity, entityVersion: head.version + 1, before: change.before, after: change.after })],
      );
      return {
        head: { ...head, ...next.head, version: head.version + 1 },
        content: { ...next.content, version: content.version + 1 },
      };
    },

    /**
     * Moves a submission to `status` from the version read (its status index entry moves with it),
     * audited `submission.<action>`; `set` holds what the transition stamps (who submitted, when).
     */
    async transition(
      ctx: TenantContext,
      head: SubmissionHead,
      seenVersion: number,
      status: SubmissionStatus,
      action: string,
      set: Partial<SubmissionHead>,
    ): Promise<SubmissionHead> {
      const entity = submissionEntity(head.campaignId, head.unitId);
      const next: SubmissionHead = { ...head, ...set, status, version: seenVersion + 1 };
      const keys = submissionHeadKeys(ctx, next);
      const { version: _version, ...fields } = set;
      await commit(
        store,
        ctx,
        [updateIfVersion(entity, { pk: keys.pk, sk: keys.sk }, seenVersion, { ...fields, status, gsi2pk: keys.gsi2pk })],
        [
          auditEvent(ctx, {
            action: `submission.${action}`,
            entity,
            entityVersion: next.version,
            before: { status: head.status },
            after: { status, total: next.score.total, overallLevel: next.score.overallLevel },
          }),
        ],
      );
      return next;
    },

    /** The heads of a campaign's submissions in the subtree at `path`, in path order. */
    async listUnder(ctx: TenantContext, campaignId: string, path: string): Promise<SubmissionHead[]> {
      const heads: SubmissionHead[] = [];
      let cursor: string | null = null;
      do {
        const page = await queryTenantPartition(store, ctx, {
          index: 'gsi1',
          partition: campaignSubmissionsIndex(ctx, campaignId),
          sortBeginsWith: `PATH#${path}`,
          limit: 100,
          cursor,
        });
        heads.push(...page.items.map((item) => SubmissionHeadSchema.parse(item)));
        cursor = page.nextCursor;
      } while (cursor !== null);
      return heads;
    },
  };
}
