import type { TenantContext } from '../../auth/tenant-context.ts';
import { tenantKey } from '../../db/keys.ts';
import type { EntityRef } from '../../errors.ts';

/** An import job's partition: its header and the chunks of its plan (or of its error list), read by key. */
export const importPartition = (ctx: TenantContext, importId: string) => tenantKey(ctx, 'UNIT-IMPORT', importId);

/** The header: status, counts, progress, version. */
export const importKeys = (ctx: TenantContext, importId: string) => ({ pk: importPartition(ctx, importId), sk: 'IMPORT' });

/** One chunk of the plan; zero-padded, so chunks sort in order. */
export const importChunkKeys = (ctx: TenantContext, importId: string, index: number) => ({
  pk: importPartition(ctx, importId),
  sk: `CHUNK#${String(index).padStart(4, '0')}`,
});

export const importEntity = (importId: string): EntityRef => ({ type: 'unit-import', id: importId });
