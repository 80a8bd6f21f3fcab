import { UnitKindSchema } from '@chiso/criteria';
import * as z from 'zod';
import { pageOf } from '../../http/paging.ts';
import { bilingual } from '../../validation/parse-bilingual.ts';

// NFC: the same Vietnamese name typed on two keyboards (composed or decomposed diacritics) is one name.
export const UnitNameSchema = z.string().trim().normalize('NFC').min(2).max(200);

/** A unit's id: random, short, URL-safe (db/ids.ts); never holds `#` (keys) nor `/` (paths). */
export const UnitIdSchema = z.string().regex(/^[a-z0-9-]{1,40}$/).meta({ examples: ['k3v9x2mqa7bd'] });

const UNIT_CODE_PATTERN = /^[A-Za-z0-9._-]{1,40}$/;

/** The unit's own code (mã đơn vị, e.g. the sector database's), unique in the tenant: what imports match on. */
export const UnitCodeSchema = z
  .string()
  .trim()
  // A refinement rather than .regex(): its message then comes in both languages (validation/parse-bilingual.ts).
  .refine(
    (code) => UNIT_CODE_PATTERN.test(code),
    bilingual(
      'Mã đơn vị gồm chữ không dấu, số, dấu chấm, gạch dưới, gạch ngang (1–40 ký tự)',
      'A unit code holds unaccented letters, digits, dots, underscores and hyphens (1–40 characters)',
    ),
  )
  .meta({ pattern: UNIT_CODE_PATTERN.source, examples: ['HP-THCS-012'] });

export const UnitStatusSchema = z.enum(['active', 'inactive']);

const unitShape = {
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
};

/**
 * A unit of the tree: the Sở (the root), an office (Phòng, commune office) or a school of one kind.
 * `path` holds the ids from the root down to the unit itself, each followed by `/`.
 */
export const UnitSchema = z.object(unitShape).meta({ id: 'Unit' });

export type Unit = z.output<typeof UnitSchema>;

/**
 * A move under way (DATA-MODEL.md, "The unit tree"): set on the unit when the move starts, null once its
 * subtree and accounts are rewritten. While it is set, the unit and everything beneath it refuse changes.
 */
export const UnitMoveSchema = z
  .object({
    toParentId: UnitIdSchema,
    fromPath: z.string(),
    toPath: z.string(),
    startedAt: z.iso.datetime(),
  })
  .meta({ id: 'UnitMove' });

export type UnitMove = z.output<typeof UnitMoveSchema>;

/** A unit as stored: with its move mark (absent on items written before moves existed, hence the default). */
export const StoredUnitSchema = z.object({ ...unitShape, moving: UnitMoveSchema.nullable().default(null) });

export type StoredUnit = z.output<typeof StoredUnitSchema>;

/** A unit as a breadcrumb shows it. */
export const UnitRefSchema = z.object({ id: UnitIdSchema, name: z.string(), kind: UnitKindSchema }).meta({ id: 'UnitRef' });

/** One unit with where it sits: its ancestors from the root down to its parent, and its move under way if any. */
export const UnitDetailSchema = z
  .object({ ...unitShape, moving: UnitMoveSchema.nullable(), ancestors: z.array(UnitRefSchema) })
  .meta({ id: 'UnitDetail' });

export type UnitDetail = z.output<typeof UnitDetailSchema>;

// Only the root is the Sở: it is created with the tenant, never through this API.
const NewUnitKindSchema = UnitKindSchema.refine(
  (kind) => kind !== 'provincial-department',
  bilingual(
    'Loại “provincial-department” (Sở GDĐT) chỉ dành cho đơn vị gốc, được tạo cùng Sở',
    'The kind provincial-department belongs to the root unit alone, created with the tenant',
  ),
);

export const CreateUnitSchema = z
  .strictObject({
    parentId: UnitIdSchema,
    name: UnitNameSchema.meta({ examples: ['Trường THCS Ngô Quyền'] }),
    kind: NewUnitKindSchema,
    code: UnitCodeSchema.nullable().optional(),
  })
  .meta({ id: 'CreateUnit' });

export type CreateUnit = z.output<typeof CreateUnitSchema>;

const VersionField = z.int().min(1).meta({ description: 'Phiên bản đã đọc / The version you read' });

/** A change names the version it was made from; `code: null` removes the code. */
export const UpdateUnitSchema = z
  .strictObject({
    version: VersionField,
    name: UnitNameSchema.optional(),
    kind: UnitKindSchema.optional(),
    code: UnitCodeSchema.nullable().optional(),
  })
  .refine(
    (change) => change.name !== undefined || change.kind !== undefined || change.code !== undefined,
    bilingual('Cần ít nhất một trường để sửa: name, kind hoặc code', 'Give at least one field to change: name, kind or code'),
  )
  .meta({ id: 'UpdateUnit' });

export type UnitUpdate = z.output<typeof UpdateUnitSchema>;

export const MoveUnitSchema = z.strictObject({ version: VersionField, parentId: UnitIdSchema }).meta({ id: 'MoveUnit' });

export type UnitMoveRequest = z.output<typeof MoveUnitSchema>;

export const UnitVersionSchema = z.strictObject({ version: VersionField }).meta({ id: 'UnitVersion' });

export const UnitParamsSchema = z.object({ unitId: UnitIdSchema });

export const UnitPageSchema = pageOf(UnitSchema, 'UnitPage');

/** The most units one page of the scope listing holds: a whole district, or a province in a few pages. */
export const MAX_UNITS_PAGE = 1000;

export const ListUnitsQuerySchema = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_UNITS_PAGE)
    .default(MAX_UNITS_PAGE)
    .meta({ description: 'Số đơn vị mỗi trang / Units per page' }),
  cursor: z.string().min(1).max(4_000).optional().meta({ description: 'nextCursor của trang trước / nextCursor of the previous page' }),
  kind: UnitKindSchema.optional(),
  status: UnitStatusSchema.optional(),
  q: z.string().trim().normalize('NFC').min(1).max(100).optional().meta({ description: 'Tên chứa (không phân biệt dấu) / Name contains (accent-insensitive)' }),
});

export type ListUnitsQuery = z.output<typeof ListUnitsQuerySchema>;
