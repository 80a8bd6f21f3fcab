import * as z from 'zod';
import { LocalizedTextSchema } from './text.ts';
import { RuleSchema } from './rule.ts';

/**
 * A field is one thing a unit answers. Field ids are what rules name in `{"var": "…"}`, so they are
 * plain identifiers: no dots (a dot is a path step in JSON-logic), nothing a prototype could answer to.
 */
export const FieldIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,63}$/, 'a field id is a lower-case identifier: letters, digits and _ (e.g. lms_functions)');

export const OptionSchema = z
  .object({
    value: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'an option value is lower-case letters, digits, _ or -'),
    label: LocalizedTextSchema,
  })
  .strict();
export type Option = z.infer<typeof OptionSchema>;

const common = {
  id: FieldIdSchema,
  label: LocalizedTextSchema,
  help: LocalizedTextSchema.optional(),
  /** A required field must be answered (when relevant) for the submission to be complete. */
  required: z.boolean().default(true),
  /** Skip logic: the field is asked only when this rule is truthy. */
  relevantWhen: RuleSchema.optional(),
};

export const BooleanFieldSchema = z.object({ ...common, kind: z.literal('boolean') }).strict();

/** A whole count, e.g. the number of digitised learning materials. */
export const CountFieldSchema = z
  .object({ ...common, kind: z.literal('count'), max: z.number().int().min(0).optional() })
  .strict();

/** A ratio entered as two counts; the percentage is computed, never typed. */
export const RatioFieldSchema = z
  .object({
    ...common,
    kind: z.literal('ratio'),
    numeratorLabel: LocalizedTextSchema,
    denominatorLabel: LocalizedTextSchema,
  })
  .strict();

export const ChoiceFieldSchema = z
  .object({ ...common, kind: z.literal('choice'), options: z.array(OptionSchema).min(1) })
  .strict();

export const MultiChoiceFieldSchema = z
  .object({ ...common, kind: z.literal('multichoice'), options: z.array(OptionSchema).min(1) })
  .strict();

export const NumberFieldSchema = z
  .object({
    ...common,
    kind: z.literal('number'),
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
    /** Digits after the decimal point that an answer may carry. */
    decimals: z.number().int().min(0).max(4).default(2),
    unit: LocalizedTextSchema.optional(),
  })
  .strict();

/** Short text: a software's name, how it was obtained, a note. */
export const TextFieldSchema = z
  .object({ ...common, kind: z.literal('text'), maxLength: z.number().int().min(1).max(5000).default(500) })
  .strict();

/** One or more web addresses (http or https). */
export const LinksFieldSchema = z
  .object({ ...common, kind: z.literal('links'), maxItems: z.number().int().min(1).max(100).default(20) })
  .strict();

/** A document reference: its number (e.g. 128/KH-GDNN-GDTXTT) and date, optionally its title. */
export const DocumentFieldSchema = z.object({ ...common, kind: z.literal('document') }).strict();

/** A person to contact: name, position, email, phone. */
export const ContactFieldSchema = z.object({ ...common, kind: z.literal('contact') }).strict();

export const FieldSchema = z.discriminatedUnion('kind', [
  BooleanFieldSchema,
  CountFieldSchema,
  RatioFieldSchema,
  ChoiceFieldSchema,
  MultiChoiceFieldSchema,
  NumberFieldSchema,
  TextFieldSchema,
  LinksFieldSchema,
  DocumentFieldSchema,
  ContactFieldSchema,
]);
export type Field = z.infer<typeof FieldSchema>;
export type FieldKind = Field['kind'];
export const FIELD_KINDS: readonly FieldKind[] = [
  'boolean',
  'count',
  'ratio',
  'choice',
  'multichoice',
  'number',
  'text',
  'links',
  'document',
  'contact',
];
