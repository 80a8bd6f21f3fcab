import { UnitKindSchema } from '@chiso/criteria';
import * as z from 'zod';

// NFC: the same Vietnamese name typed on two keyboards (composed or decomposed diacritics) is one name.
export const UnitNameSchema = z.string().trim().normalize('NFC').min(2).max(200);

/** A unit's id: random, short, URL-safe (db/ids.ts); never holds `#` (keys) nor `/` (paths). */
export const UnitIdSchema = z.string().regex(/^[a-z0-9-]{1,40}$/).meta({ examples: ['k3v9x2mqa7bd'] });

/** The unit's own code (mã đơn vị, e.g. the sector database's), unique in the tenant: what imports match on. */
export const UnitCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._-]{1,40}$/, 'Mã đơn vị gồm chữ, số, dấu chấm, gạch dưới, gạch ngang (tối đa 40 ký tự)')
  .meta({ examples: ['HP-THCS-012'] });

export const UnitStatusSchema = z.enum(['active', 'inactive']);

/**
 * A unit of the tree: the Sở (the root), an office (Phòng, commune office) or a school of one kind.
 * `path` holds the ids from the root down to the unit itself, each followed by `/`.
 */
export const UnitSchema = z
  .object({
    id: UnitIdSchema,
    parentId: UnitIdSchema.nullable(),
    name: z.string(),
    kind: UnitKindSchema,
    code: z.string().nullable(),
    path: z.string().meta({ examples: ['k3v9x2mqa7bd/q8w2e4r6t8y0/'] }),
    depth: z.int().min(0),
    status: UnitStatusSchema,
    version: z.int().min(1),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Unit' });

export type Unit = z.output<typeof UnitSchema>;
