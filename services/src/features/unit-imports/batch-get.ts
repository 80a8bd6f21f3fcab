import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import type { TenantContext } from '../../auth/tenant-context.ts';
import type { Store } from '../../db/client.ts';
import { type ItemKey, isTenantKey } from '../../db/keys.ts';

// DynamoDB's limit per BatchGetItem call.
const KEYS_PER_CALL = 100;
const MAX_ROUNDS = 8;

/**
 * Reads many items of the tenant of `ctx` by key, strongly consistent, 100 keys per call (an import
 * checks thousands of logins at once; one GetItem each would take minutes). Refuses a key of another
 * tenant, as getTenantItem does. Items that do not exist are simply absent from the answer.
 */
export async function batchGetTenantItems(store: Store, ctx: TenantContext, keys: readonly ItemKey[]): Promise<Record<string, unknown>[]> {
  for (const key of keys) if (!isTenantKey(ctx, key.pk)) throw new TypeError(`Key ${key.pk} is outside tenant ${ctx.tenantId}`);
  const unique = [...new Map(keys.map((key) => [`${key.pk}\u0000${key.sk}`, { pk: key.pk, sk: key.sk }])).values()];
  const found: Record<string, unknown>[] = [];
  for (let start = 0; start < unique.length; start += KEYS_PER_CALL) {
    let pending: Record<string, unknown>[] = unique.slice(start, start + KEYS_PER_CALL);
    for (let round = 0; pending.length > 0; round += 1) {
      if (round === MAX_ROUNDS) throw new Error(`BatchGetItem left ${pending.length} keys unprocessed after ${MAX_ROUNDS} rounds`);
      if (round > 0) await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** round));
      const result = await store.db.send(
        new BatchGetCommand({ RequestItems: { [store.tableName]: { Keys: pending, ConsistentRead: true } } }),
      );
      found.push(...(result.Responses?.[store.tableName] ?? []));
      pending = result.UnprocessedKeys?.[store.tableName]?.Keys ?? [];
    }
  }
  return found;
}
