import * as z from 'zod';

/** `?limit=&cursor=` of every listing; `nextCursor` of one page is the `cursor` of the next. */
export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50).meta({ description: 'Số mục mỗi trang / Items per page' }),
  cursor: z.string().min(1).max(2_000).optional().meta({ description: 'nextCursor của trang trước / nextCursor of the previous page' }),
});

/**
 * The response schema of one page of `item`.
 * @example pageOf(TenantSchema, 'TenantPage')
 */
export function pageOf<T extends z.ZodType>(item: T, id: string) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() }).meta({ id });
}
