import * as z from 'zod';
import { TenantIdSchema } from '../../auth/tenant-id.ts';
import { pageOf } from '../../http/paging.ts';
import { bilingual } from '../../validation/parse-bilingual.ts';

// NFC: the same Vietnamese name typed on two keyboards (composed or decomposed diacritics) is one name.
const Name = z.string().trim().normalize('NFC').min(3).max(200);

/** A tenant: one province's Department of Education and Training (Sở GDĐT). */
export const TenantSchema = z
  .object({
    id: TenantIdSchema,
    name: z.string().meta({ description: 'Tên Sở GDĐT / Name of the department', examples: ['Sở Giáo dục và Đào tạo Hải Phòng'] }),
    provinceName: z.string().meta({ description: 'Tên tỉnh, thành phố / Province', examples: ['Thành phố Hải Phòng'] }),
    status: z.enum(['active']),
    rootUnitId: z.string().meta({ description: 'Đơn vị gốc của cây (chính Sở) / The root unit of the tree (the Sở itself)' }),
    version: z.int().min(1).meta({ description: 'Gửi lại khi sửa / Send it back when changing the tenant' }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Tenant' });

export type Tenant = z.output<typeof TenantSchema>;

/** The fields of a tenant that people choose and may change. */
export type TenantFields = Pick<Tenant, 'name' | 'provinceName'>;

export const CreateTenantSchema = z
  .strictObject({
    id: TenantIdSchema,
    name: Name.meta({ examples: ['Sở Giáo dục và Đào tạo Hải Phòng'] }),
    provinceName: Name.meta({ examples: ['Thành phố Hải Phòng'] }),
  })
  .meta({ id: 'CreateTenant' });

/** A change names the version it was made from: if the tenant moved on since, the change is refused (409). */
export const UpdateTenantSchema = z
  .strictObject({
    version: z.int().min(1),
    name: Name.optional(),
    provinceName: Name.optional(),
  })
  .refine(
    (change) => change.name !== undefined || change.provinceName !== undefined,
    bilingual('Cần ít nhất một trường để sửa: name hoặc provinceName', 'Give at least one field to change: name or provinceName'),
  )
  .meta({ id: 'UpdateTenant' });

export type TenantUpdate = z.output<typeof UpdateTenantSchema>;

export const TenantParamsSchema = z.object({ tenantId: TenantIdSchema });

export const TenantPageSchema = pageOf(TenantSchema, 'TenantPage');
