import * as z from 'zod';
import type { Caller } from '../../auth/caller.ts';
import { decodeCursor } from '../../db/cursor.ts';
import type { Page } from '../../db/query.ts';
import { InvalidInputError } from '../../errors.ts';
import { treePartition } from './keys.ts';
import { foldName, treeCursorAfter } from './repository.ts';
import type { ListUnitsQuery, Unit } from './schemas.ts';
import type { UnitDeps } from './use-cases.ts';

/**
 * Where a scope listing stopped: the scope root being read and DynamoDB's position in its subtree. It
 * is accepted back only if the root is still one of the caller's and the position lies inside that
 * root's subtree, so no cursor reaches units outside the caller's scope (nor makes DynamoDB fail).
 */
const ScopeCursorSchema = z.strictObject({ root: z.string().min(1), after: z.string().min(1) });

// DynamoDB reads at most this many index entries per call (about 0.5 MB of units, under its 1 MB page).
const QUERY_LIMIT = 1000;

interface ScopeRoot {
  unitId: string;
  path: string;
}

function invalidCursor(): InvalidInputError {
  return new InvalidInputError('query.cursor', 'invalid-cursor', 'Con trỏ trang không hợp lệ; hãy bắt đầu lại từ trang đầu', 'Invalid page cursor; start again from the first page');
}

function encodeScopeCursor(root: string, after: string): string {
  return Buffer.from(JSON.stringify({ root, after }), 'utf8').toString('base64url');
}

function decodeScopeCursor(caller: Caller, cursor: string, roots: readonly ScopeRoot[]): { index: number; after: string } {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  const parsed = ScopeCursorSchema.safeParse(value);
  if (!parsed.success) throw invalidCursor();
  const index = roots.findIndex((root) => root.unitId === parsed.data.root);
  const root = roots[index];
  if (root === undefined) throw invalidCursor();
  const partition = treePartition(caller.ctx);
  const key = decodeCursor(parsed.data.after, { attributes: ['gsi1pk', 'gsi1sk', 'pk', 'sk'], partitionAttribute: 'gsi1pk', partition });
  if (!key.gsi1sk?.startsWith(`PATH#${root.path}`)) throw invalidCursor();
  return { index, after: parsed.data.after };
}

/** The caller's scope for reading units: the subtrees of its grants, none inside another, in path order. */
function scopeRootsOf(caller: Caller): ScopeRoot[] {
  return caller
    .scopeRoots('unit.read')
    .flatMap((unitId) => {
      const unitPath = caller.grants.find((grant) => grant.unitId === unitId)?.unitPath;
      return unitPath === undefined ? [] : [{ unitId, path: `${unitPath.join('/')}/` }];
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function matcher(query: ListUnitsQuery): (unit: Unit) => boolean {
  const needle = query.q === undefined ? null : foldName(query.q);
  return (unit) =>
    (query.kind === undefined || unit.kind === query.kind) &&
    (query.status === undefined || unit.status === query.status) &&
    (needle === null || foldName(unit.name).includes(needle));
}

/**
 * The units the caller may read, subtree after subtree of its scope, each in path order (a parent
 * before its children), optionally filtered by kind, status and name. A page holds at most `limit`
 * units; filters are applied while reading, so a page is full unless the scope ends.
 */
export async function listUnitsInScope(deps: UnitDeps, caller: Caller, query: ListUnitsQuery): Promise<Page<Unit>> {
  const roots = scopeRootsOf(caller);
  const matches = matcher(query);
  const start = query.cursor === undefined ? null : decodeScopeCursor(caller, query.cursor, roots);
  let index = start?.index ?? 0;
  let after: string | null = start?.after ?? null;
  const items: Unit[] = [];
  const filtered = query.kind !== undefined || query.status !== undefined || query.q !== undefined;
  for (let root = roots[index]; root !== undefined; root = roots[index]) {
    const wanted = query.limit - items.length;
    const page = await deps.units.subtreePage(caller.ctx, root.path, { limit: filtered ? QUERY_LIMIT : Math.min(wanted, QUERY_LIMIT), cursor: after });
    for (const [position, unit] of page.items.entries()) {
      if (!matches(unit)) continue;
      items.push(unit);
      if (items.length < query.limit) continue;
      const lastOfScope = position === page.items.length - 1 && page.nextCursor === null && index === roots.length - 1;
      return { items, nextCursor: lastOfScope ? null : encodeScopeCursor(root.unitId, treeCursorAfter(caller.ctx, unit)) };
    }
    if (page.nextCursor === null) {
      index += 1;
      after = null;
    } else {
      after = page.nextCursor;
    }
  }
  return { items, nextCursor: null };
}
