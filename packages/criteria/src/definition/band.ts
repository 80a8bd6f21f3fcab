import * as z from 'zod';
import { LocalizedTextSchema } from './text.ts';

/**
 * One level band over points, written as the papers write them: "dưới 10" is `{ max: 10 }`,
 * "từ 10 đến 20" is `{ min: 10, max: 20, maxInclusive: true }`, "trên 20" is `{ min: 20, minInclusive: false }`.
 * A missing bound is open. Bands are compared in exact hundredths of a point.
 */
export const BandSchema = z
  .object({
    level: z.number().int().min(1).max(9),
    min: z.number().finite().optional(),
    minInclusive: z.boolean().default(true),
    max: z.number().finite().optional(),
    maxInclusive: z.boolean().default(false),
  })
  .strict();
export type Band = z.infer<typeof BandSchema>;

/** The name of a level, e.g. level 3 "Mức độ 3: đáp ứng tốt". */
export const LevelSchema = z
  .object({
    level: z.number().int().min(1).max(9),
    label: LocalizedTextSchema,
    description: LocalizedTextSchema.optional(),
  })
  .strict();
export type Level = z.infer<typeof LevelSchema>;
