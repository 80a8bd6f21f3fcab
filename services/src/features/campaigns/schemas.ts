import { UnitKindSchema } from '@chiso/criteria';
import * as z from 'zod';
import { bilingual } from '../../validation/parse-bilingual.ts';
import { SetKeySchema } from '../criteria-sets/schemas.ts';
import { UnitIdSchema } from '../units/schemas.ts';

/** A campaign id: random, short, URL-safe (db/ids.ts). */
export const CampaignIdSchema = z.string().regex(/^[a-z0-9]{1,40}$/).meta({ examples: ['k3v9x2mqa7bd'] });

export const CampaignStatusSchema = z.enum(['draft', 'open', 'closed']).meta({
  id: 'CampaignStatus',
  description: 'draft: đang soạn; open: đang diễn ra, trường tự đánh giá; closed: đã kết thúc / being prepared; running; ended',
});
export type CampaignStatus = z.output<typeof CampaignStatusSchema>;

/** `2024-2025`: two consecutive years. */
export const SchoolYearSchema = z
  .string()
  .regex(/^\d{4}-\d{4}$/, 'Năm học viết dạng 2024-2025')
  .refine((year) => Number(year.slice(5)) === Number(year.slice(0, 4)) + 1, bilingual('Năm học gồm hai năm liên tiếp, ví dụ 2024-2025', 'A school year is two consecutive years, e.g. 2024-2025'))
  .meta({ examples: ['2024-2025'] });

/** The steps of the yearly cycle that have a deadline, in the order they happen (seed 002's appendix). */
export const DEADLINE_STEPS = ['selfAssessment', 'reviewRequest', 'externalReview', 'recognition', 'publication'] as const;
export type DeadlineStep = (typeof DEADLINE_STEPS)[number];

/**
 * The steps whose deadline the API enforces, so the ones an extension can move: the school's
 * self-assessment (submitting), the external review (starting, scoring, returning, accepting),
 * recognition and publication. Submitting is also the request for review, so `reviewRequest` is a date
 * of the plan only.
 */
export const ENFORCED_STEPS = ['selfAssessment', 'externalReview', 'recognition', 'publication'] as const satisfies readonly DeadlineStep[];

export const ExtendedStepSchema = z.enum(ENFORCED_STEPS).meta({
  id: 'ExtendedStep',
  description:
    'selfAssessment: nộp hồ sơ; externalReview: đánh giá ngoài; recognition: công nhận; publication: công bố / submitting; external review; recognition; publication',
});
export type ExtendedStep = z.output<typeof ExtendedStepSchema>;

export const DEADLINE_LABELS: Record<DeadlineStep, { vi: string; en: string }> = {
  selfAssessment: { vi: 'tự đánh giá', en: 'self-assessment' },
  reviewRequest: { vi: 'đề nghị đánh giá ngoài', en: 'request for external review' },
  externalReview: { vi: 'đánh giá ngoài', en: 'external review' },
  recognition: { vi: 'công nhận', en: 'recognition' },
  publication: { vi: 'công bố', en: 'publication' },
};

const DeadlineSchema = z.iso.date().meta({ description: 'Hạn chót, hết ngày (giờ Việt Nam) / Last day, inclusive (Vietnam time)' });

/** Which deadline is out of order, if any: each step's day is on or after the previous step's. */
export function deadlineOrderIssues(deadlines: Record<DeadlineStep, string>): { step: DeadlineStep; previous: DeadlineStep }[] {
  const issues: { step: DeadlineStep; previous: DeadlineStep }[] = [];
  for (let i = 1; i < DEADLINE_STEPS.length; i += 1) {
    const step = DEADLINE_STEPS[i];
    const previous = DEADLINE_STEPS[i - 1];
    if (step !== undefined && previous !== undefined && deadlines[step] < deadlines[previous]) issues.push({ step, previous });
  }
  return issues;
}

export const DeadlinesSchema = z
  .strictObject({
    selfAssessment: DeadlineSchema,
    reviewRequest: DeadlineSchema,
    externalReview: DeadlineSchema,
    recognition: DeadlineSchema,
    publication: DeadlineSchema,
  })
  .superRefine((deadlines, ctx) => {
    for (const { step, previous } of deadlineOrderIssues(deadlines)) {
      const { vi, en } = deadlineOrderMessage(step, previous);
      ctx.addIssue({ code: 'custom', path: [step], params: { vi, en }, message: en });
    }
  })
  .meta({ id: 'CampaignDeadlines', description: 'Hạn của từng bước, theo thứ tự / The deadline of each step, in order' });
export type Deadlines = z.output<typeof DeadlinesSchema>;

export function deadlineOrderMessage(step: DeadlineStep, previous: DeadlineStep): { vi: string; en: string } {
  return {
    vi: `Hạn ${DEADLINE_LABELS[step].vi} không được trước hạn ${DEADLINE_LABELS[previous].vi}`,
    en: `The ${DEADLINE_LABELS[step].en} deadline cannot come before the ${DEADLINE_LABELS[previous].en} deadline`,
  };
}

/** Which published criteria version a campaign applies to which kinds of school, as a client asks it. */
export const CriteriaAssignmentInputSchema = z.strictObject({
  kinds: z.array(UnitKindSchema).min(1).max(20),
  setKey: SetKeySchema,
  number: z.int().min(1).max(9999),
});

/** The same, as stored: pinned to the version's label and content hash when chosen. */
export const CriteriaAssignmentSchema = z
  .object({
    kinds: z.array(UnitKindSchema),
    setKey: z.string(),
    number: z.int(),
    label: z.string(),
    contentHash: z.string(),
  })
  .meta({ id: 'CampaignCriteria' });
export type CriteriaAssignment = z.output<typeof CriteriaAssignmentSchema>;

/**
 * Who recognises a school's level (công nhận). `nearest-office`: the nearest office above the school
 * (its Phòng; the Sở for units straight under it). `owner`: the campaign's owner recognises every school.
 * Stored as a rule; each submission gets its recogniser when it is created.
 */
export const RecognitionSchema = z
  .strictObject({ rule: z.enum(['nearest-office', 'owner']) })
  .meta({ id: 'CampaignRecognition', description: 'nearest-office: Phòng gần nhất phía trên (hoặc Sở); owner: đơn vị chủ trì / the nearest office above, or the owner' });
export type Recognition = z.output<typeof RecognitionSchema>;

/** A campaign (kỳ đánh giá): one unit's yearly cycle of self-assessment, review, recognition and publication. */
export const CampaignSchema = z
  .object({
    id: CampaignIdSchema,
    ownerUnitId: z.string().meta({ description: 'Đơn vị chủ trì (thường là Sở) / The owner unit (usually the Sở)' }),
    ownerPath: z.string(),
    name: z.string(),
    schoolYear: z.string(),
    status: CampaignStatusSchema,
    criteria: z.array(CriteriaAssignmentSchema),
    deadlines: DeadlinesSchema,
    recognition: RecognitionSchema,
    version: z.int().min(1),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    openedAt: z.iso.datetime().nullable(),
    closedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Campaign' });
export type Campaign = z.output<typeof CampaignSchema>;

const CampaignNameSchema = z.string().trim().normalize('NFC').min(3).max(300);

export const CreateCampaignSchema = z
  .strictObject({
    ownerUnitId: UnitIdSchema.optional().meta({ description: 'Mặc định: đơn vị duy nhất bạn quản lý kỳ đánh giá / Default: the one unit where you manage campaigns' }),
    name: CampaignNameSchema.meta({ examples: ['Đánh giá chuyển đổi số năm học 2024-2025'] }),
    schoolYear: SchoolYearSchema,
    criteria: z.array(CriteriaAssignmentInputSchema).min(1).max(20),
    deadlines: DeadlinesSchema,
    recognition: RecognitionSchema.default({ rule: 'nearest-office' }),
  })
  .meta({ id: 'CreateCampaign' });
export type CreateCampaign = z.output<typeof CreateCampaignSchema>;

/** A change from the version read. While the campaign is open only deadlines may change. */
export const UpdateCampaignSchema = z
  .strictObject({
    version: z.int().min(1),
    name: CampaignNameSchema.optional(),
    schoolYear: SchoolYearSchema.optional(),
    criteria: z.array(CriteriaAssignmentInputSchema).min(1).max(20).optional(),
    deadlines: z
      .strictObject({
        selfAssessment: DeadlineSchema.optional(),
        reviewRequest: DeadlineSchema.optional(),
        externalReview: DeadlineSchema.optional(),
        recognition: DeadlineSchema.optional(),
        publication: DeadlineSchema.optional(),
      })
      .optional(),
    recognition: RecognitionSchema.optional(),
  })
  .refine(
    (change) => Object.keys(change).some((key) => key !== 'version'),
    bilingual('Cần ít nhất một trường để sửa', 'Give at least one field to change'),
  )
  .meta({ id: 'UpdateCampaign' });
export type UpdateCampaign = z.output<typeof UpdateCampaignSchema>;

export const CampaignTransitionSchema = z.strictObject({ version: z.int().min(1) }).meta({ id: 'CampaignTransition' });

const ExtensionReasonSchema = z.string().trim().normalize('NFC').min(3).max(500);

/** A later deadline of one step for one unit, granted by the campaign's owner. */
export const ExtensionSchema = z
  .object({
    campaignId: z.string(),
    unitId: z.string(),
    // Extensions granted before steps other than self-assessment could be extended carry no step.
    step: ExtendedStepSchema.default('selfAssessment'),
    until: z.iso.date(),
    // Extensions granted before a reason could be given, and clients that give none, carry null.
    reason: z.string().nullable().default(null).meta({ description: 'Lý do gia hạn / Why it was granted' }),
    grantedBy: z.string(),
    version: z.int().min(1),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'CampaignExtension' });
export type Extension = z.output<typeof ExtensionSchema>;

export const GrantExtensionSchema = z
  .strictObject({
    unitId: UnitIdSchema,
    step: ExtendedStepSchema.default('selfAssessment').meta({ description: 'Bước được gia hạn; mặc định: tự đánh giá / The step extended; default: self-assessment' }),
    until: z.iso.date().meta({ description: 'Hạn mới của đơn vị cho bước đó, hết ngày / The unit’s new deadline of that step, inclusive' }),
    // Optional so that older clients keep working; the web app always asks for one (the Sở's audit trail).
    reason: ExtensionReasonSchema.optional().meta({
      description: 'Lý do gia hạn (3–500 ký tự), ghi vào nhật ký / Why it is granted (3–500 characters), kept in the audit log',
      examples: ['Trường bị ảnh hưởng bởi bão, mất điện nhiều ngày'],
    }),
  })
  .meta({ id: 'GrantExtension' });
export type GrantExtension = z.output<typeof GrantExtensionSchema>;

const StepDeadlineSchema = z.object({
  campaign: z.iso.date().meta({ description: 'Hạn của kỳ đánh giá / The campaign’s deadline' }),
  extension: z.iso.date().nullable().meta({ description: 'Hạn được gia cho đơn vị, nếu có / The unit’s extension, if any' }),
  applies: z.iso.date().meta({ description: 'Hạn áp dụng cho đơn vị (muộn hơn trong hai hạn trên) / The day that holds for the unit (the later of the two)' }),
  passed: z.boolean().meta({ description: 'Đã quá hạn áp dụng / The day that holds is over' }),
});

/** Each step's deadline as it holds for one unit: what a school or a reviewer is held to. */
export const UnitDeadlinesSchema = z
  .strictObject({
    selfAssessment: StepDeadlineSchema,
    reviewRequest: StepDeadlineSchema,
    externalReview: StepDeadlineSchema,
    recognition: StepDeadlineSchema,
    publication: StepDeadlineSchema,
  })
  .meta({ id: 'UnitDeadlines', description: 'Hạn từng bước áp dụng cho đơn vị / Each step’s deadline for the unit' });
export type UnitDeadlines = z.output<typeof UnitDeadlinesSchema>;

export const CampaignParamsSchema = z.object({ campaignId: CampaignIdSchema });

export const CampaignListQuerySchema = z.object({
  schoolYear: SchoolYearSchema.optional(),
  status: CampaignStatusSchema.optional(),
});

export const CampaignListSchema = z.object({ items: z.array(CampaignSchema) }).meta({ id: 'CampaignList' });
export const ExtensionListSchema = z.object({ items: z.array(ExtensionSchema) }).meta({ id: 'CampaignExtensionList' });

/** What opening answers: the campaign, and how many submissions were created at once. */
export const OpenedCampaignSchema = z
  .object({ campaign: CampaignSchema, enrolled: z.int().min(0).meta({ description: 'Số hồ sơ được tạo / Submissions created' }) })
  .meta({ id: 'OpenedCampaign' });
