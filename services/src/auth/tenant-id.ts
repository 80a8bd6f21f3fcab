import * as z from 'zod';

/**
 * A tenant's id: a lowercase ASCII slug of the province, e.g. `hai-phong`, `ha-noi`. It is part of every
 * key of the tenant's data, so it can never hold `#` (the key separator) and never changes.
 */
export const TenantIdSchema = z
  .string()
  .min(2)
  .max(40)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .meta({ description: 'Mã tỉnh: chữ thường không dấu, số và dấu gạch ngang / Province slug', examples: ['hai-phong'] });

export type TenantId = z.output<typeof TenantIdSchema>;

/** True when `value` can be a tenant id. */
export function isTenantId(value: string): boolean {
  return TenantIdSchema.safeParse(value).success;
}
