import { UnitKindSchema } from '@chiso/criteria';
import * as z from 'zod';
import { bilingual } from '../../validation/parse-bilingual.ts';
import { CampaignIdSchema, DEADLINE_STEPS, UnitDeadlinesSchema } from '../campaigns/schemas.ts';
import { ScoreResultSchema } from '../criteria-sets/responses.ts';
import { UnitIdSchema } from '../units/schemas.ts';

export const SubmissionStatusSchema = z
  .enum(['draft', 'submitted', 'in-review', 'returned', 'accepted', 'recognised', 'published'])
  .meta({
    id: 'SubmissionStatus',
    description:
      'draft: đang tự đánh giá; submitted: đã nộp; in-review: đang đánh giá ngoài; returned: trả lại để sửa; accepted: đạt đánh giá ngoài; ' +
      'recognised: đã công nhận; published: đã công bố / self-assessing; submitted; under external review; sent back; accepted; recognised; published',
  });
export type SubmissionStatus = z.output<typeof SubmissionStatusSchema>;

/** The criteria version a submission was created against: it is scored by exactly this, forever. */
export const CriteriaPinSchema = z
  .object({ setKey: z.string(), number: z.int(), label: z.string(), contentHash: z.string() })
  .meta({ id: 'CriteriaPin' });
export type CriteriaPin = z.output<typeof CriteriaPinSchema>;

/** The server's score kept on the submission for listings: points and levels, never what a client sent. */
export const ScoreSummarySchema = z
  .object({
    total: z.number(),
    overallLevel: z.int(),
    complete: z.boolean(),
    groups: z.array(z.object({ id: z.string(), points: z.number(), level: z.int() })),
  })
  .meta({ id: 'ScoreSummary' });
export type ScoreSummary = z.output<typeof ScoreSummarySchema>;

/**
 * A recognised result (công nhận): the office's decision, the levels it recognises (the reviewer's
 * computed ones unless the decision says otherwise) and the reviewer's points behind them.
 */
export const RecognisedResultSchema = z
  .object({
    decision: z.object({ number: z.string(), date: z.iso.date() }),
    levels: z.object({ groups: z.record(z.string(), z.int()), overall: z.int() }),
    points: z.object({ groups: z.record(z.string(), z.number()), total: z.number() }),
    levelsAdjusted: z.boolean().meta({ description: 'Mức công nhận khác mức tính được / Levels differ from the computed ones' }),
    recognisedBy: z.string(),
    recognisedAt: z.iso.datetime(),
  })
  .meta({ id: 'RecognisedResult' });
export type RecognisedResult = z.output<typeof RecognisedResultSchema>;

/** The small item of a submission: where it stands. Listings and status indexes copy only this. */
export const SubmissionHeadSchema = z.object({
  campaignId: z.string(),
  unitId: z.string(),
  unitPath: z.string(),
  unitKind: UnitKindSchema,
  status: SubmissionStatusSchema,
  criteria: CriteriaPinSchema,
  recogniserUnitId: z.string().meta({ description: 'Đơn vị công nhận mức / The unit that recognises the level' }),
  score: ScoreSummarySchema,
  startedAt: z.iso.datetime().nullable(),
  submittedAt: z.iso.datetime().nullable(),
  submittedBy: z.string().nullable(),
  // Written by features/reviews; items made before review existed have none, hence the defaults.
  reviewScore: ScoreSummarySchema.nullable().default(null).meta({ description: 'Điểm của người đánh giá ngoài ở bước gần nhất / The reviewer’s score at the last review step' }),
  recognition: RecognisedResultSchema.nullable().default(null),
  publishedAt: z.iso.datetime().nullable().default(null),
  version: z.int().min(1),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type SubmissionHead = z.output<typeof SubmissionHeadSchema>;

const LabelSchema = z.string().trim().normalize('NFC').min(1).max(300);
// A full web address: http(s) only (no javascript:, file:, data:), and a host with a dot in it.
const WebAddressSchema = z
  .url({ protocol: /^https?$/, hostname: /\./ })
  .max(2_000)
  .meta({ description: 'Địa chỉ web đầy đủ, http:// hoặc https:// / A full http(s) web address', examples: ['https://truong-thu.edu.vn/ke-hoach.pdf'] });

/**
 * An item of evidence (minh chứng): a link, or an uploaded file (features/evidence: attached and removed
 * by its own routes, which verify the stored bytes; `storageKey` names the object in evidence storage).
 */
export const EvidenceItemSchema = z
  .discriminatedUnion('kind', [
    z.object({ id: z.string(), kind: z.literal('link'), url: z.string(), label: z.string(), addedAt: z.iso.datetime(), addedBy: z.string() }),
    z.object({
      id: z.string(),
      kind: z.literal('file'),
      name: z.string(),
      size: z.int().min(1),
      contentType: z.string(),
      sha256: z.string().meta({ description: 'SHA-256 của tệp (hex) / The file’s SHA-256 (hex)' }),
      storageKey: z.string(),
      addedAt: z.iso.datetime(),
      addedBy: z.string(),
    }),
  ])
  .meta({ id: 'EvidenceItem' });
export type EvidenceItem = z.output<typeof EvidenceItemSchema>;
export type FileEvidence = Extract<EvidenceItem, { kind: 'file' }>;

/** Evidence as a client sends it: an existing link keeps its `id`; a link without one is new. Files are not sent here. */
export const EvidenceInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({ id: z.string().max(40).optional(), kind: z.literal('link'), url: WebAddressSchema, label: LabelSchema }),
]);
export type EvidenceInput = z.output<typeof EvidenceInputSchema>;

/** By criterion id, then evidence slot id. */
export const EvidenceMapSchema = z.record(z.string(), z.record(z.string(), z.array(EvidenceItemSchema)));
export type EvidenceMap = z.output<typeof EvidenceMapSchema>;

/** The content of a submission, apart from its head (it is larger, and no index copies it). */
export const SubmissionContentSchema = z.object({
  answers: z.record(z.string(), z.json()),
  awards: z.record(z.string(), z.number()),
  evidence: EvidenceMapSchema,
  comments: z.record(z.string(), z.string()),
  version: z.int().min(1),
  updatedAt: z.iso.datetime(),
});
export type SubmissionContent = z.output<typeof SubmissionContentSchema>;

/** A school's submission (hồ sơ tự đánh giá) as the API shows it. */
export const SubmissionSchema = z
  .object({
    ...SubmissionHeadSchema.shape,
    answers: z.record(z.string(), z.json()),
    awards: z.record(z.string(), z.number()),
    evidence: EvidenceMapSchema,
    comments: z.record(z.string(), z.string()),
  })
  .meta({ id: 'Submission' });
export type Submission = z.output<typeof SubmissionSchema>;

export const SubmissionViewSchema = z
  .object({
    submission: SubmissionSchema,
    score: ScoreResultSchema.meta({ description: 'Điểm do máy chủ tính theo phiên bản đã ghim / Computed by the server on the pinned version' }),
    definition: CriteriaPinSchema,
    deadline: z.object({
      selfAssessment: z.iso.date(),
      extendedUntil: z.iso.date().nullable(),
      passed: z.boolean(),
    }),
    deadlines: UnitDeadlinesSchema,
    allowedActions: z.array(z.string()).meta({ description: 'Chuyển trạng thái được phép lúc này / Transitions allowed now' }),
  })
  .meta({ id: 'SubmissionView' });
export type SubmissionView = z.output<typeof SubmissionViewSchema>;

const KeySchema = z.string().min(1).max(64);
const CommentSchema = z.string().trim().normalize('NFC').max(4_000);

/**
 * An incremental change, suited to autosave: only the keys that changed; `null` removes one. Evidence
 * replaces the links of each slot it names; the slot's files stay (they are removed by their own route,
 * which also deletes the stored object). Totals are never taken from a client.
 */
export const PatchSubmissionSchema = z
  .strictObject({
    version: z.int().min(1),
    answers: z.record(KeySchema, z.json()).optional().meta({ description: 'Theo mã trường; null để xoá / By field id; null removes' }),
    awards: z.record(KeySchema, z.number().nullable()).optional().meta({ description: 'Điểm tự chấm theo mã chỉ số / Own points by indicator id' }),
    evidence: z.record(KeySchema, z.record(KeySchema, z.array(EvidenceInputSchema).max(20).nullable())).optional(),
    comments: z.record(KeySchema, CommentSchema.nullable()).optional(),
  })
  .refine(
    (patch) => [patch.answers, patch.awards, patch.evidence, patch.comments].some((part) => part !== undefined && Object.keys(part).length > 0),
    bilingual('Cần ít nhất một thay đổi: answers, awards, evidence hoặc comments', 'Give at least one change: answers, awards, evidence or comments'),
  )
  .meta({ id: 'PatchSubmission' });
export type PatchSubmission = z.output<typeof PatchSubmissionSchema>;

export const SubmitSchema = z.strictObject({ version: z.int().min(1) }).meta({ id: 'SubmitSubmission' });

export const SubmissionParamsSchema = z.object({ campaignId: CampaignIdSchema, unitId: UnitIdSchema });

/** Where a unit stands in a campaign, as the progress listing shows it. */
export const ProgressStatusSchema = z
  .enum(['not-started', 'draft', 'overdue', 'submitted', 'in-review', 'returned', 'accepted', 'recognised', 'published'])
  .meta({ id: 'ProgressStatus', description: 'overdue: quá hạn tự đánh giá mà chưa nộp / past the self-assessment deadline and not submitted' });
export type ProgressStatus = z.output<typeof ProgressStatusSchema>;

/** Points and levels, overall and per group in the definition's order. */
export const LevelSummarySchema = z
  .object({
    total: z.number(),
    overallLevel: z.int(),
    groups: z.array(z.object({ id: z.string(), points: z.number(), level: z.int() })),
  })
  .meta({ id: 'LevelSummary' });
export type LevelSummary = z.output<typeof LevelSummarySchema>;

/** A unit's levels at each stage of the cycle, as far as it has come; copied from the submission's head, never recomputed on a listing. */
export const ProgressLevelsSchema = z
  .object({
    self: LevelSummarySchema.nullable().meta({ description: 'Trường tự đánh giá (điểm hiện tại); null khi chưa bắt đầu / The school’s own, as it stands; null before it starts' }),
    review: LevelSummarySchema.nullable().meta({ description: 'Người đánh giá ngoài, ở bước gần nhất; null khi chưa đánh giá / The reviewer’s, at the last review step; null before review' }),
    recognised: LevelSummarySchema.extend({ decision: z.object({ number: z.string(), date: z.iso.date() }) })
      .nullable()
      .meta({ description: 'Mức được công nhận, theo quyết định; null khi chưa công nhận / The recognised levels, with the decision; null until recognised' }),
  })
  .meta({ id: 'ProgressLevels' });
export type ProgressLevels = z.output<typeof ProgressLevelsSchema>;

export const ProgressRowSchema = z
  .object({
    unitId: z.string(),
    unitName: z.string(),
    unitKind: UnitKindSchema,
    unitPath: z.string(),
    office: z
      .object({ id: z.string(), name: z.string() })
      .nullable()
      .meta({ description: 'Đơn vị quản lý gần nhất phía trên (Phòng, hoặc Sở với trường trực thuộc Sở) / The nearest office above (the Phòng, or the Sở)' }),
    status: ProgressStatusSchema,
    criteria: z.object({ setKey: z.string(), number: z.int() }),
    score: ScoreSummarySchema.nullable(),
    levels: ProgressLevelsSchema,
    deadline: z.iso.date(),
    nextDeadline: z
      .object({ step: z.enum(DEADLINE_STEPS), applies: z.iso.date(), passed: z.boolean() })
      .nullable()
      .meta({
        description:
          'Hạn của bước đang chờ (tự đánh giá, đánh giá ngoài, công nhận, công bố), đã tính gia hạn của đơn vị; null khi đã công bố / ' +
          'The deadline of the step the unit waits on, its extension included; null once published',
      }),
    submittedAt: z.iso.datetime().nullable(),
    updatedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ProgressRow' });
export type ProgressRow = z.output<typeof ProgressRowSchema>;

export const ProgressQuerySchema = z.object({
  status: ProgressStatusSchema.optional(),
  kind: UnitKindSchema.optional(),
  officeId: UnitIdSchema.optional().meta({ description: 'Chỉ các trường của đơn vị quản lý này / Only the schools of this office' }),
});
export type ProgressQuery = z.output<typeof ProgressQuerySchema>;

export const ProgressSchema = z
  .object({
    campaignId: z.string(),
    counts: z
      .record(ProgressStatusSchema, z.int())
      .meta({ description: 'Theo trạng thái, sau lọc loại trường và đơn vị quản lý, trước lọc trạng thái / Per status, after the kind and office filters, before the status filter' }),
    total: z.int(),
    items: z.array(ProgressRowSchema),
  })
  .meta({ id: 'CampaignProgress' });
export type Progress = z.output<typeof ProgressSchema>;
