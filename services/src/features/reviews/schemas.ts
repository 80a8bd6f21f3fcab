import * as z from 'zod';
import { bilingual } from '../../validation/parse-bilingual.ts';
import { UnitDeadlinesSchema } from '../campaigns/schemas.ts';
import { ScoreResultSchema } from '../criteria-sets/responses.ts';
import { CriteriaPinSchema, EvidenceItemSchema, EvidenceMapSchema, SubmissionSchema } from '../submissions/schemas.ts';

/** Why the office returned the submission, as the school reads it. */
export const ReturnNoteSchema = z.object({ at: z.iso.datetime(), by: z.string(), comment: z.string() }).meta({ id: 'ReturnNote' });
export type ReturnNote = z.output<typeof ReturnNoteSchema>;

/** The reviewer's own points and comments, kept next to the school's, never over them. */
export const ReviewStateSchema = z.object({
  awards: z.record(z.string(), z.number()),
  comments: z.record(z.string(), z.string()),
  lastReturn: ReturnNoteSchema.nullable(),
  version: z.int().min(1),
  updatedAt: z.iso.datetime(),
});
export type ReviewState = z.output<typeof ReviewStateSchema>;

/** The school's content when it was last returned: what "changed since the return" is measured from. */
export const ReturnSnapshotSchema = z.object({
  answers: z.record(z.string(), z.json()),
  awards: z.record(z.string(), z.number()),
  evidence: EvidenceMapSchema,
  comments: z.record(z.string(), z.string()),
  returnedAt: z.iso.datetime(),
  returnedBy: z.string(),
  comment: z.string(),
  version: z.int().min(1),
});
export type ReturnSnapshot = z.output<typeof ReturnSnapshotSchema>;

const KeySchema = z.string().min(1).max(64);
const TextSchema = z.string().trim().normalize('NFC').min(1).max(4_000);

/** The reviewer's scoring, from the version read: only what changed; `null` removes the reviewer's own entry. */
export const PatchReviewSchema = z
  .strictObject({
    version: z.int().min(1),
    awards: z
      .record(KeySchema, z.number().nullable())
      .optional()
      .meta({ description: 'Điểm của người đánh giá theo mã chỉ số; null: theo điểm trường tự chấm / Reviewer’s points by indicator id; null: the school’s points count' }),
    comments: z.record(KeySchema, TextSchema.nullable()).optional().meta({ description: 'Nhận xét theo mã tiêu chí; null để xoá / Comments by criterion id; null removes' }),
  })
  .refine(
    (patch) => [patch.awards, patch.comments].some((part) => part !== undefined && Object.keys(part).length > 0),
    bilingual('Cần ít nhất một thay đổi: awards hoặc comments', 'Give at least one change: awards or comments'),
  )
  .meta({ id: 'PatchReview' });
export type PatchReview = z.output<typeof PatchReviewSchema>;

export const ReviewStepSchema = z.strictObject({ version: z.int().min(1) }).meta({ id: 'ReviewStep' });

export const ReturnSubmissionSchema = z
  .strictObject({
    version: z.int().min(1),
    comment: TextSchema.meta({ description: 'Lý do trả lại, trường sẽ đọc / Why it is returned, for the school' }),
  })
  .meta({ id: 'ReturnSubmission' });

const LevelSchema = z.int().min(1).max(3).meta({ description: '1: chưa đáp ứng; 2: đáp ứng cơ bản; 3: đáp ứng tốt / not met; basic; good' });

export const RecogniseSchema = z
  .strictObject({
    version: z.int().min(1),
    decision: z
      .strictObject({
        number: z.string().trim().normalize('NFC').min(1).max(100).meta({ examples: ['125/QĐ-PGDĐT'] }),
        date: z.iso.date(),
      })
      .meta({ description: 'Quyết định công nhận / The recognition decision' }),
    levels: z
      .strictObject({
        groups: z.record(KeySchema, LevelSchema).default({}).meta({ description: 'Theo mã nhóm; nhóm không nêu theo mức tính được / By group id; groups left out keep the computed level' }),
        overall: LevelSchema,
      })
      .optional()
      .meta({ description: 'Mặc định: mức tính từ điểm của người đánh giá / Default: the levels of the reviewer’s score' }),
  })
  .meta({ id: 'RecogniseSubmission' });
export type Recognise = z.output<typeof RecogniseSchema>;

export const ReopenSchema = z
  .strictObject({
    version: z.int().min(1),
    reason: TextSchema.meta({ description: 'Lý do mở lại / Why the result is reopened' }),
  })
  .meta({ id: 'ReopenSubmission' });

/** One indicator with the school's points, the reviewer's own, and what the reviewer's score counts. */
const IndicatorSideBySideSchema = z.object({
  id: z.string(),
  criterionId: z.string(),
  scoring: z.enum(['awarded', 'automatic']),
  max: z.number(),
  cap: z.number(),
  school: z.number().nullable(),
  reviewer: z.number().nullable(),
  counted: z.number().meta({ description: 'Điểm tính vào điểm của người đánh giá / Counted in the reviewer’s score' }),
});

export const ChangesSinceReturnSchema = z
  .object({
    returnedAt: z.iso.datetime(),
    returnedBy: z.string(),
    comment: z.string(),
    answers: z.array(z.object({ id: z.string(), before: z.json(), after: z.json() })),
    awards: z.array(z.object({ id: z.string(), before: z.number().nullable(), after: z.number().nullable() })),
    evidence: z.array(
      z.object({
        criterionId: z.string(),
        slotId: z.string(),
        added: z.array(EvidenceItemSchema),
        removed: z.array(EvidenceItemSchema),
        changed: z.array(z.object({ before: EvidenceItemSchema, after: EvidenceItemSchema })),
      }),
    ),
    comments: z.array(z.object({ criterionId: z.string(), before: z.string().nullable(), after: z.string().nullable() })),
  })
  .meta({ id: 'ChangesSinceReturn', description: 'Những gì trường sửa từ lần trả lại gần nhất / What the school changed since it was last returned' });
export type ChangesSinceReturn = z.output<typeof ChangesSinceReturnSchema>;

export const ReviewViewSchema = z
  .object({
    submission: SubmissionSchema,
    review: z.object({
      awards: z.record(z.string(), z.number()),
      comments: z.record(z.string(), z.string()),
      lastReturn: ReturnNoteSchema.nullable(),
      updatedAt: z.iso.datetime().nullable(),
    }),
    schoolScore: ScoreResultSchema.meta({ description: 'Điểm trường tự đánh giá / The school’s own score' }),
    reviewScore: ScoreResultSchema.meta({ description: 'Điểm của người đánh giá, từ câu trả lời của trường / The reviewer’s score, on the school’s answers' }),
    indicators: z.array(IndicatorSideBySideSchema),
    changesSinceReturn: ChangesSinceReturnSchema.nullable(),
    definition: CriteriaPinSchema,
    deadlines: UnitDeadlinesSchema,
    allowedActions: z.array(z.string()).meta({ description: 'Việc được làm lúc này / What may be done now' }),
  })
  .meta({ id: 'ReviewView' });
export type ReviewView = z.output<typeof ReviewViewSchema>;
