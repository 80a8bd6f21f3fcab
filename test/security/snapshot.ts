import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from '../../services/src/db/client.ts';

/** The whole table as text, to prove that a series of requests wrote nothing: no item, audit event or counter. */

/** Every item of the table by `pk | sk`, each as JSON with its attributes in a stable order. */
export async function snapshot(store: Store): Promise<Map<string, string>> {
  const items = new Map<string, string>();
  let start: Record<string, unknown> | undefined;
  do {
    const page = await store.db.send(new ScanCommand({ TableName: store.tableName, ConsistentRead: true, ExclusiveStartKey: start }));
    for (const item of page.Items ?? []) items.set(`${String(item.pk)} | ${String(item.sk)}`, stableJson(item));
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
  return items;
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v) || v instanceof Set) return v instanceof Set ? [...v].sort() : v;
    return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
}

/** What differs between two snapshots: items added, removed or changed, each with its content (cut short). */
export function differences(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): string[] {
  const cut = (text: string | undefined) => (text ?? '').slice(0, 400);
  const found: string[] = [];
  for (const [key, item] of after) {
    const was = before.get(key);
    if (was === undefined) found.push(`added ${key}: ${cut(item)}`);
    else if (was !== item) found.push(`changed ${key}: ${cut(was)} → ${cut(item)}`);
  }
  for (const key of before.keys()) if (!after.has(key)) found.push(`removed ${key}: ${cut(before.get(key))}`);
  return found;
}
