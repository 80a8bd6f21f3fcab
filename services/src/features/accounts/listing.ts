import * as z from 'zod';
import type { Page } from '../../db/query.ts';
import { InvalidInputError } from '../../errors.ts';

// Where a listing over several subtrees stopped: which subtree, and DynamoDB's cursor within it.
const CursorSchema = z.strictObject({ root: z.int().min(0), inner: z.string().min(1).nullable() });

const invalidCursor = () =>
  new InvalidInputError('query.cursor', 'invalid-cursor', 'Con trỏ trang không hợp lệ; hãy bắt đầu lại từ trang đầu', 'Invalid page cursor; start again from the first page');

/**
 * Pages through several disjoint subtrees (the caller's scope roots, in path order) as one listing:
 * each subtree is read to its end before the next, and a page is filled across them. The cursor says
 * which subtree and where in it; one from another listing is a 400.
 */
export async function listAcrossRoots<T>(
  roots: readonly string[],
  page: { limit: number; cursor: string | null },
  readSubtree: (root: string, page: { limit: number; cursor: string | null }) => Promise<Page<T>>,
): Promise<Page<T>> {
  let { root, inner } = page.cursor === null ? { root: 0, inner: null } : decode(page.cursor, roots);
  const items: T[] = [];
  while (root < roots.length && items.length < page.limit) {
    const subtree = roots[root];
    if (subtree === undefined) break;
    const result = await readSubtree(subtree, { limit: page.limit - items.length, cursor: inner });
    items.push(...result.items);
    if (result.nextCursor !== null) {
      inner = result.nextCursor;
      break;
    }
    root += 1;
    inner = null;
  }
  return { items, nextCursor: root < roots.length ? encode({ root, inner }) : null };
}

function encode(position: z.output<typeof CursorSchema>): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

function decode(cursor: string, roots: readonly string[]): z.output<typeof CursorSchema> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  const parsed = CursorSchema.safeParse(value);
  if (!parsed.success) throw invalidCursor();
  const { root, inner } = parsed.data;
  // The roots may have changed since (a grant revoked): a cursor past them ends the listing.
  if (root >= roots.length) return { root, inner: null };
  // The inner cursor's partition is checked by db/cursor.ts; its place must be in the same subtree too.
  if (inner !== null && !withinRoot(inner, roots[root])) throw invalidCursor();
  return parsed.data;
}

function withinRoot(inner: string, root: string | undefined): boolean {
  try {
    const key: unknown = JSON.parse(Buffer.from(inner, 'base64url').toString('utf8'));
    const sortKey = z.object({ gsi1sk: z.string() }).safeParse(key);
    return root !== undefined && sortKey.success && sortKey.data.gsi1sk.startsWith(`PATH#${root}`);
  } catch {
    return false;
  }
}
