import { DefinitionSchema, LocalizedTextSchema, type ScoreResult } from '@chiso/criteria';
import * as z from 'zod';
import { CriteriaSetSchema, CriteriaVersionSchema } from './schemas.ts';

/**
 * What the criteria routes answer, as zod schemas: they are the OpenAPI description, and the tests parse
 * every answer with them. ScoreResultSchema is typed `z.ZodType<ScoreResult>`, so it fails to compile if it
 * drifts from the core.
 */

/** The full definition, as the core's schema describes it (defaults filled in). */
export const CriteriaDefinitionSchema = DefinitionSchema.meta({
  id: 'CriteriaDefinition',
  description: 'Định nghĩa bộ chỉ số (nhóm, tiêu chí, chỉ số, trường, mức) / The criteria-set definition',
});

/** A problem the linter or the shape check finds in a definition, with its path in the core's notation. */
export const CriteriaProblemSchema = z
  .object({
    path: z.string().meta({ examples: ['groups[0].criteria[2].bands'] }),
    code: z.string(),
    severity: z.enum(['error', 'warning']),
    message: z.string(),
    messageEn: z.string(),
  })
  .meta({ id: 'CriteriaProblem' });

/** A version with its definition and what the linter says of it. */
export const CriteriaVersionDetailSchema = z
  .object({
    version: CriteriaVersionSchema,
    definition: CriteriaDefinitionSchema,
    problems: z.array(CriteriaProblemSchema).meta({ description: 'Lỗi chặn ban hành, cảnh báo thì không / Errors block publishing, warnings do not' }),
  })
  .meta({ id: 'CriteriaVersionDetail' });

const builtInFields = {
  setKey: z.string().meta({ examples: ['4725'] }),
  label: z.string().meta({ description: 'Tên phiên bản / Version label', examples: ['2022.1'] }),
  title: z.string(),
  decision: z.string().meta({ description: 'Văn bản ban hành / Legal basis', examples: ['4725/QĐ-BGDĐT'] }),
  contentHash: z.string(),
};

/** A national set shipped with the platform, which every tenant may clone. */
export const BuiltInSetSchema = z.object(builtInFields).meta({ id: 'BuiltInCriteriaSet' });

export const BuiltInSetDetailSchema = z.object({ ...builtInFields, definition: CriteriaDefinitionSchema }).meta({ id: 'BuiltInCriteriaSetDetail' });

export const CriteriaCatalogueSchema = z
  .object({
    sets: z.array(z.object({ ...CriteriaSetSchema.shape, versions: z.array(CriteriaVersionSchema) })),
    builtIn: z.array(BuiltInSetSchema),
  })
  .meta({ id: 'CriteriaCatalogue' });

export const CriteriaVersionListSchema = z.object({ items: z.array(CriteriaVersionSchema) }).meta({ id: 'CriteriaVersionList' });

/** Keys and indexes from the root of a definition or of the answers. */
const CorePathSchema = z.array(z.union([z.string(), z.number()]));
const BilingualSchema = z.object({ vi: z.string(), en: z.string() });

// Not typed as the core's DefinitionDiff: on the wire a `before` or `after` that is undefined is left out.
export const CriteriaDiffSchema = z
  .object({
    identical: z.boolean(),
    entries: z.array(
      z.object({
        change: z.enum(['added', 'removed', 'changed']),
        item: z.enum(['set', 'level', 'group', 'criterion', 'indicator', 'field', 'evidence', 'option']),
        id: z.string(),
        path: CorePathSchema,
        changes: z.array(z.object({ property: z.string(), path: CorePathSchema, before: z.unknown().optional(), after: z.unknown().optional() })),
        summary: BilingualSchema,
      }),
    ),
  })
  .meta({ id: 'CriteriaDiff' });

const ScoreProblemSchema = z
  .object({ path: CorePathSchema, code: z.string(), message: LocalizedTextSchema, severity: z.enum(['error', 'warning']) })
  .meta({ id: 'ScoreProblem' });
const problems = z.array(ScoreProblemSchema);

export const ScoreResultSchema: z.ZodType<ScoreResult> = z
  .object({
    groups: z.array(
      z.object({
        id: z.string(),
        max: z.number(),
        points: z.number(),
        bandLevel: z.int(),
        level: z.int(),
        unmetMandatory: z.array(z.string()),
        levelCappedBecause: LocalizedTextSchema.optional(),
        criteria: z.array(
          z.object({
            id: z.string(),
            kind: z.enum(['scored', 'mandatory']),
            max: z.number(),
            points: z.number(),
            level: z.int().nullable(),
            met: z.boolean(),
            unmetReasons: z.array(LocalizedTextSchema),
            indicators: z.array(
              z.object({
                id: z.string(),
                relevant: z.boolean(),
                scoring: z.enum(['awarded', 'automatic']),
                max: z.number(),
                cap: z.number(),
                awarded: z.number(),
                missing: problems,
                invalid: problems,
              }),
            ),
            missing: problems,
            invalid: problems,
          }),
        ),
      }),
    ),
    total: z.number(),
    totalLevel: z.int().nullable(),
    overallLevel: z.int(),
    complete: z.boolean(),
    missing: problems,
    invalid: problems,
  })
  .meta({ id: 'ScoreResult', description: 'Điểm và mức; không lưu gì / Points and levels; nothing is saved' });
