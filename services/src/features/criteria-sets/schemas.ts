import { UnitKindSchema } from '@chiso/criteria';
import * as z from 'zod';

export const SetKeySchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'Mã bộ chỉ số gồm chữ thường, chữ số và dấu - (ví dụ hp-4725)')
  .meta({ examples: ['hp-4725'] });

export const VersionStatusSchema = z.enum(['draft', 'published', 'retired']);
export type VersionStatus = z.output<typeof VersionStatusSchema>;

const ProblemCountSchema = z.object({ errors: z.int().min(0), warnings: z.int().min(0) });

/** A tenant's criteria set and the number of its latest version. */
export const CriteriaSetSchema = z
  .object({
    setKey: SetKeySchema,
    title: z.string(),
    latestNumber: z.int().positive(),
    version: z.int().positive(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'CriteriaSet' });
export type CriteriaSet = z.output<typeof CriteriaSetSchema>;

/** One version of a set, without its definition. `version` is the item's own version, for concurrency. */
export const CriteriaVersionSchema = z
  .object({
    setKey: SetKeySchema,
    number: z.int().positive(),
    label: z.string(),
    title: z.string(),
    appliesTo: z.array(UnitKindSchema).meta({ description: 'Loại đơn vị áp dụng, theo định nghĩa / The unit kinds the definition applies to' }),
    status: VersionStatusSchema,
    contentHash: z.string(),
    derivedFrom: z.object({ setKey: z.string(), version: z.string(), contentHash: z.string().optional() }).nullable(),
    problems: ProblemCountSchema,
    version: z.int().positive(),
    createdAt: z.string(),
    updatedAt: z.string(),
    publishedAt: z.string().nullable(),
    retiredAt: z.string().nullable(),
  })
  .meta({ id: 'CriteriaVersion' });
export type CriteriaVersion = z.output<typeof CriteriaVersionSchema>;

/** A version item as stored: those written before `appliesTo` was copied onto it lack it. */
export const StoredVersionSchema = CriteriaVersionSchema.extend({ appliesTo: z.array(UnitKindSchema).optional() });

const SourceSchema = z.union([
  z.object({ setKey: SetKeySchema, number: z.int().positive() }).strict(),
  z.object({ builtIn: SetKeySchema }).strict(),
]);
export type DraftSource = z.output<typeof SourceSchema>;

/** How a new draft starts: empty, as a copy of a version (the tenant's or a national set), or imported JSON. */
export const CreateDraftSchema = z
  .discriminatedUnion('from', [
    z.object({ from: z.literal('blank'), setKey: SetKeySchema, label: z.string().trim().min(1).max(64), title: z.string().trim().min(1).max(300) }).strict(),
    z.object({ from: z.literal('clone'), source: SourceSchema, setKey: SetKeySchema.optional(), label: z.string().trim().min(1).max(64) }).strict(),
    z.object({ from: z.literal('import'), definition: z.json() }).strict(),
  ])
  .meta({ id: 'CreateDraft' });
export type CreateDraft = z.output<typeof CreateDraftSchema>;

/** A new content for a draft, from the item version the editor read. */
export const UpdateDraftSchema = z.object({ version: z.int().positive(), definition: z.json() }).strict().meta({ id: 'UpdateDraft' });
export type UpdateDraft = z.output<typeof UpdateDraftSchema>;

/** Publish or retire, from the item version the admin saw. */
export const TransitionSchema = z.object({ version: z.int().positive() }).strict();

/** Sample answers for the builder's test panel: scored, never saved. */
export const ScoreSampleSchema = z
  .object({
    answers: z.record(z.string(), z.unknown()).default({}),
    awards: z.record(z.string(), z.unknown()).default({}),
    evidence: z.record(z.string(), z.record(z.string(), z.int().min(0))).optional(),
  })
  .strict();
export type ScoreSample = z.output<typeof ScoreSampleSchema>;
