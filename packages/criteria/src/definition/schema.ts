import * as z from 'zod';
import { BandSchema, LevelSchema } from './band.ts';
import { FieldSchema } from './field.ts';
import { RuleSchema, type Rule } from './rule.ts';
import { LocalizedTextSchema } from './text.ts';
import { UnitKindSchema } from './unit-kinds.ts';

const ItemIdSchema = z
  .string()
  .regex(/^[0-9A-Za-z][0-9A-Za-z._-]{0,31}$/, 'an id is up to 32 letters, digits, dots, _ or - (e.g. 1.3 or 1.3a)');

/** A validation rule across fields: truthy means valid; otherwise `message` is shown on `fields`. */
export const ValidationSchema = z
  .object({
    rule: RuleSchema,
    message: LocalizedTextSchema,
    fields: z.array(z.string()).min(1),
  })
  .strict();
export type Validation = z.infer<typeof ValidationSchema>;

/**
 * An indicator (chỉ số thành phần): the fields it asks, the most it is ever worth (`max`), and the cap
 * rule that sets, from the answers, the most points the assessors may award ("tối đa N điểm").
 */
export const IndicatorSchema = z
  .object({
    id: ItemIdSchema,
    title: LocalizedTextSchema,
    description: LocalizedTextSchema.optional(),
    fields: z.array(FieldSchema).default([]),
    /** The most this indicator can be worth; 0 for an indicator that only collects facts. */
    max: z.number().finite().min(0),
    /** JSON-logic over the answers giving the cap; absent means the cap is `max`. */
    cap: RuleSchema.optional(),
    /** `awarded`: assessors award 0..cap. `automatic`: the points are the cap. */
    scoring: z.enum(['awarded', 'automatic']).default('awarded'),
    relevantWhen: RuleSchema.optional(),
    validations: z.array(ValidationSchema).default([]),
  })
  .strict();
export type Indicator = z.infer<typeof IndicatorSchema>;

export const EvidenceSlotSchema = z
  .object({
    id: ItemIdSchema,
    kind: z.enum(['link', 'file', 'document']),
    required: z.boolean().default(false),
    /**
     * Required only when this rule over the answers is truthy (e.g. once points are claimed: links to
     * the materials when any are declared). When present it decides, whatever `required` says.
     */
    requiredWhen: RuleSchema.optional(),
    label: LocalizedTextSchema,
    guidance: LocalizedTextSchema.optional(),
  })
  .strict();
export type EvidenceSlot = z.infer<typeof EvidenceSlotSchema>;

const criterionCommon = {
  id: ItemIdSchema,
  title: LocalizedTextSchema,
  description: LocalizedTextSchema.optional(),
  /** How to assess and what counts as evidence (hướng dẫn thực hiện). */
  guidance: LocalizedTextSchema.optional(),
  indicators: z.array(IndicatorSchema).default([]),
  evidence: z.array(EvidenceSlotSchema).default([]),
};

export const ScoredCriterionSchema = z
  .object({
    ...criterionCommon,
    kind: z.literal('scored'),
    max: z.number().finite().positive(),
    bands: z.array(BandSchema).min(1),
  })
  .strict();
export type ScoredCriterion = z.infer<typeof ScoredCriterionSchema>;

/** A mandatory condition (điều kiện bắt buộc): no points; met when `condition` is truthy. */
export const MandatoryCriterionSchema = z
  .object({
    ...criterionCommon,
    kind: z.literal('mandatory'),
    condition: RuleSchema,
    unmetMessage: LocalizedTextSchema.optional(),
  })
  .strict();
export type MandatoryCriterion = z.infer<typeof MandatoryCriterionSchema>;

export const CriterionSchema = z.discriminatedUnion('kind', [ScoredCriterionSchema, MandatoryCriterionSchema]);
export type Criterion = z.infer<typeof CriterionSchema>;

/**
 * What an unmet mandatory condition does to its group, as a rule over
 * `{ level, points, unmet, unmetIds }` returning the group's level.
 * Default: the group cannot be above level 1.
 */
export const DEFAULT_MANDATORY_EFFECT: Rule = {
  if: [{ '>': [{ var: 'unmet' }, 0] }, { min: [{ var: 'level' }, 1] }, { var: 'level' }],
};

/**
 * The overall level, as a rule over `{ groups: { [id]: { points, level } }, groupLevels, total, totalLevel }`.
 * Default: the lowest group level, as units report in practice.
 */
export const LOWEST_GROUP_LEVEL: Rule = {
  reduce: [{ var: 'groupLevels' }, { min: [{ var: 'current' }, { var: 'accumulator' }] }, 9],
};
/** For sets that put the levels on the total of their groups (3806/QĐ-BGDĐT). */
export const TOTAL_LEVEL: Rule = { var: 'totalLevel' };

export const GroupSchema = z
  .object({
    id: ItemIdSchema,
    title: LocalizedTextSchema,
    description: LocalizedTextSchema.optional(),
    max: z.number().finite().positive(),
    bands: z.array(BandSchema).min(1),
    criteria: z.array(CriterionSchema).min(1),
    mandatoryEffect: RuleSchema.default(DEFAULT_MANDATORY_EFFECT),
  })
  .strict();
export type Group = z.infer<typeof GroupSchema>;

export const DefinitionStatusSchema = z.enum(['draft', 'published', 'retired']);
export type DefinitionStatus = z.infer<typeof DefinitionStatusSchema>;

/** One version of a criteria set (Bộ chỉ số). Published versions never change. */
export const DefinitionSchema = z
  .object({
    schemaVersion: z.literal(1),
    /** Stable key of the set across its versions, e.g. `4725` or `hp-4725`. */
    setKey: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a set key is lower-case letters, digits and -'),
    /** Version label, e.g. `2022.1` or `2025-2026`. */
    version: z.string().trim().min(1).max(64),
    status: DefinitionStatusSchema.default('draft'),
    title: LocalizedTextSchema,
    description: LocalizedTextSchema.optional(),
    legalBasis: z
      .object({
        decision: z.string().trim().min(1),
        date: z.iso.date(),
        issuer: LocalizedTextSchema.optional(),
      })
      .strict(),
    appliesTo: z.array(UnitKindSchema).min(1),
    derivedFrom: z
      .object({ setKey: z.string(), version: z.string(), contentHash: z.string().optional() })
      .strict()
      .optional(),
    levels: z.array(LevelSchema).min(1),
    groups: z.array(GroupSchema).min(1),
    overall: z
      .object({
        rule: RuleSchema.default(LOWEST_GROUP_LEVEL),
        /** Bands over the total of all groups, for sets that level the total (exposed as `totalLevel`). */
        totalBands: z.array(BandSchema).optional(),
        description: LocalizedTextSchema.optional(),
      })
      .strict()
      .default({ rule: LOWEST_GROUP_LEVEL }),
    /** Awards must be multiples of this step (e.g. 0.5 for halves); at most two decimals. */
    awardStep: z.number().positive().max(100).default(0.01),
  })
  .strict();

/** A definition as stored and scored: every default filled in. */
export type Definition = z.infer<typeof DefinitionSchema>;
/** A definition as authored or imported: defaults may be left out. */
export type DefinitionInput = z.input<typeof DefinitionSchema>;
