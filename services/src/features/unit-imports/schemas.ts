import { UnitKindSchema } from '@chiso/criteria';
import * as z from 'zod';
import { RoleSchema } from '../../auth/roles.ts';
import { UnitIdSchema } from '../units/schemas.ts';
import { FIELDS } from './columns.ts';

/** An import's id: random, short, URL-safe (db/ids.ts). */
export const ImportIdSchema = z.string().regex(/^[a-z0-9]{1,40}$/).meta({ examples: ['k3v9x2mqa7bd'] });

export const ImportParamsSchema = z.object({ importId: ImportIdSchema });

export const CreateImportQuerySchema = z.object({
  scopeUnitId: UnitIdSchema.optional().meta({
    description:
      'Đơn vị gốc của lượt nhập: dòng để trống “Mã đơn vị cấp trên” nằm ngay dưới đơn vị này; mặc định là đơn vị bạn quản trị ' +
      '(bắt buộc nếu bạn quản trị nhiều nơi) / The unit the import works under: rows without a parent code go directly under it; ' +
      'by default the unit you administer (required if you administer several)',
  }),
});

export const ApplyImportSchema = z
  .object({ version: z.int().min(1).meta({ description: 'version của lượt nhập đã đọc / the import version you read' }) })
  .meta({ id: 'ApplyUnitImport' });

/** One problem of one row, named by its row number and column as the file shows them. */
export const RowErrorSchema = z
  .object({
    row: z.int().min(1).meta({ description: 'Số dòng như bảng tính hiển thị (dòng tiêu đề thường là 1) / Row number as the spreadsheet shows it' }),
    column: z.string().meta({ description: 'Tiêu đề cột như trong tệp / The column header as the file writes it', examples: ['Mã đơn vị'] }),
    field: z.enum(FIELDS).nullable(),
    code: z.string().meta({ examples: ['unknown-parent'] }),
    message: z.string(),
    messageEn: z.string(),
  })
  .meta({ id: 'UnitImportRowError' });

export type RowError = z.output<typeof RowErrorSchema>;

export const ImportStatusSchema = z.enum(['invalid', 'ready', 'applying', 'done']).meta({
  description:
    'invalid: có dòng lỗi, không áp dụng được (sửa tệp rồi tải lên lại); ready: chưa áp dụng; applying: đang áp dụng; done: xong / ' +
    'invalid: rows have errors, it cannot be applied (fix the file and upload again); ready: not applied yet; applying: in progress; done: finished',
});

/** How far an import has been applied; `processed` counts rows of the plan, unchanged ones included. */
export const ProgressSchema = z
  .object({
    total: z.int().min(0).meta({ description: 'Số dòng của kế hoạch / Rows in the plan' }),
    processed: z.int().min(0),
    created: z.int().min(0),
    updated: z.int().min(0),
    unchanged: z.int().min(0),
    accountsCreated: z.int().min(0),
    done: z.boolean(),
  })
  .meta({ id: 'UnitImportCounts' });

export type Progress = z.output<typeof ProgressSchema>;

/** A generated one-time password, shown once in the apply answer that created its account and never stored in clear. */
export const OneTimePasswordSchema = z
  .object({ row: z.int(), unitCode: z.string(), login: z.string(), password: z.string() })
  .meta({ id: 'UnitImportOneTimePassword' });

export type OneTimePassword = z.output<typeof OneTimePasswordSchema>;

/** The answer of one apply call: the progress after it, and the passwords of the accounts it created. */
export const ImportProgressSchema = z
  .object({
    importId: ImportIdSchema,
    version: z.int().min(1).meta({ description: 'Gửi lại ở lần gọi sau / Send it with the next call' }),
    status: ImportStatusSchema,
    ...ProgressSchema.shape,
    passwords: z.array(OneTimePasswordSchema).meta({
      description:
        'Mật khẩu dùng một lần của các tài khoản vừa tạo trong lượt này; chỉ hiện một lần / One-time passwords of the accounts created ' +
        'by this call; shown only once',
    }),
  })
  .meta({ id: 'UnitImportProgress' });

export type ImportProgress = z.output<typeof ImportProgressSchema>;

/** The dry run (what the import would do, and every problem found, before anything is written) and its progress since. */
export const ImportJobSchema = z
  .object({
    importId: ImportIdSchema,
    version: z.int().min(1),
    status: ImportStatusSchema,
    format: z.enum(['csv', 'xlsx']),
    scopeUnitId: UnitIdSchema,
    rows: z.int().min(0).meta({ description: 'Số dòng dữ liệu / Data rows' }),
    toCreate: z.int().min(0),
    toUpdate: z.int().min(0),
    unchanged: z.int().min(0),
    accountsToCreate: z.int().min(0),
    accountsUnchanged: z.int().min(0),
    errorCount: z.int().min(0),
    errors: z.array(RowErrorSchema),
    errorsTruncated: z.boolean().meta({ description: 'Chỉ liệt kê tối đa 5.000 lỗi; errorCount là số đầy đủ / At most 5,000 errors are listed; errorCount is exact' }),
    ignoredColumns: z.array(z.string()).meta({ description: 'Cột trong tệp mà lượt nhập không đọc / Columns of the file the import does not read' }),
    progress: ProgressSchema,
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'UnitImport' });

export type ImportJob = z.output<typeof ImportJobSchema>;

const PlannedAccountSchema = z.object({
  action: z.enum(['create', 'unchanged']),
  id: z.string(),
  login: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  role: RoleSchema,
});

export type PlannedAccount = z.output<typeof PlannedAccountSchema>;

const PlannedCommon = {
  row: z.int(),
  unitId: UnitIdSchema,
  code: z.string(),
  account: PlannedAccountSchema.nullable(),
};

/**
 * One row of a plan, in the order the plan applies them (parents before children). Each names the
 * state it expects (versions, paths), so that apply refuses to act on a tree that changed since.
 */
export const PlannedOpSchema = z.discriminatedUnion('action', [
  z.object({
    ...PlannedCommon,
    action: z.literal('create'),
    name: z.string(),
    kind: UnitKindSchema,
    parentId: UnitIdSchema,
    parentPath: z.string(),
    /**
     * The parent and its ancestors with the versions they will have when this row is applied (one on for
     * a unit the plan updates earlier): the creation is conditioned on them, as a single creation is.
     */
    guards: z.array(z.object({ id: UnitIdSchema, version: z.int().min(1) })),
    depth: z.int().min(1),
  }),
  z.object({
    ...PlannedCommon,
    action: z.literal('update'),
    version: z.int().min(1),
    before: z.object({ name: z.string(), kind: UnitKindSchema }),
    name: z.string(),
    kind: UnitKindSchema,
    path: z.string(),
    parentId: UnitIdSchema.nullable(),
  }),
  z.object({ ...PlannedCommon, action: z.literal('unchanged'), path: z.string() }),
]);

export type PlannedOp = z.output<typeof PlannedOpSchema>;

export const PlannedOpsSchema = z.array(PlannedOpSchema);
export const RowErrorsSchema = z.array(RowErrorSchema);
