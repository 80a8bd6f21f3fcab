import { isOfficeKind } from '../../auth/roles.ts';
import { pathIds } from '../../auth/scope.ts';
import type { StoredUnit } from '../units/schemas.ts';
import type { Field } from './columns.ts';
import { type ImportRow, type ReadRows, rowError } from './rows.ts';
import { planAccounts } from './plan-accounts.ts';
import type { PlannedAccount, PlannedOp, RowError } from './schemas.ts';

/** How deep an imported unit may sit below the Sở: real trees have three or four levels, and a unit's path is part of an index key. */
export const MAX_DEPTH = 10;

/** Who holds a login name or email now. */
export interface LoginOwner {
  accountId: string;
  homeUnitId: string | null;
}

export interface PlanInput {
  read: ReadRows;
  /** The unit the import works under: rows without a parent code go directly beneath it. */
  scope: StoredUnit;
  /** Every unit of the tenant: codes are unique in the whole tenant, not only in the scope. */
  units: readonly StoredUnit[];
  /** The current owners of the file's logins and emails, by normalized login. */
  loginOwners: ReadonlyMap<string, LoginOwner>;
  newId: () => string;
}

export interface PlanCounts {
  toCreate: number;
  toUpdate: number;
  unchanged: number;
  accountsToCreate: number;
  accountsUnchanged: number;
}

/** What an import will do, row by row in the order it does it (parents first); empty when any row has an error. */
export interface Plan {
  ops: PlannedOp[];
  errors: RowError[];
  counts: PlanCounts;
}

/** Where a row's unit is: a unit of the tree (matched by code), or a new one with the id it will get. */
export type Target = { existing: StoredUnit } | { newId: string };
/** A row's parent: a unit of the tree, or another row of the file (earlier or later). */
export type Parent = { unit: StoredUnit } | { row: Entry };

export interface Entry {
  source: ImportRow;
  target: Target | null;
  parent: Parent | null;
  action: 'create' | 'update' | 'unchanged' | null;
  account: PlannedAccount | null;
  failed: boolean;
}

/**
 * Plans an import (the dry run): matches each row to the tree by unit code, resolves parents in the
 * tree or in the file, and finds every problem a row has, all at once. Pure: the caller reads the tree
 * and the logins beforehand, once.
 */
export function planImport(input: PlanInput): Plan {
  const { read, scope, loginOwners, newId } = input;
  const errors: RowError[] = [...read.errors];
  const entries: Entry[] = read.rows.map((source) => ({ source, target: null, parent: null, action: null, account: null, failed: !source.valid }));
  const fail = (entry: Entry, field: Field, code: string, vi: string, en: string) => {
    errors.push(rowError(entry.source.row, read.headers, field, code, vi, en));
    entry.failed = true;
  };

  const unitsByCode = new Map<string, StoredUnit>();
  for (const unit of input.units) if (unit.code !== null) unitsByCode.set(unit.code.toUpperCase(), unit);
  const inScope = (unit: StoredUnit) => unit.path.startsWith(scope.path);
  // Beneath a unit being moved, paths are being rewritten: nothing may be added or changed there meanwhile.
  const movingIds = new Set(input.units.flatMap((unit) => (unit.moving === null ? [] : [unit.id])));
  const isMoving = (unit: StoredUnit) => pathIds(unit.path).some((id) => movingIds.has(id));
  const failMoving = (entry: Entry, field: Field) =>
    fail(entry, field, 'unit-moving', 'Đơn vị (hoặc đơn vị cấp trên của nó) đang được chuyển sang vị trí mới; hãy nhập lại khi việc chuyển hoàn tất', 'The unit (or one above it) is being moved; import again once the move is complete');

  // Codes: unique in the file, and a code of the tree must be a unit within the caller's scope.
  const byCode = new Map<string, Entry>();
  for (const entry of entries) {
    const code = entry.source.code;
    if (code === null) continue;
    const first = byCode.get(code.toUpperCase());
    if (first !== undefined) {
      fail(entry, 'code', 'duplicate-code', `Mã đơn vị “${code}” trùng với dòng ${first.source.row}`, `Unit code "${code}" repeats row ${first.source.row}`);
      continue;
    }
    byCode.set(code.toUpperCase(), entry);
    const existing = unitsByCode.get(code.toUpperCase());
    if (existing === undefined) {
      entry.target = { newId: newId() };
    } else if (!inScope(existing)) {
      fail(entry, 'code', 'code-taken', `Mã đơn vị “${code}” đã được dùng cho đơn vị ngoài phạm vi bạn quản lý`, `Unit code "${code}" belongs to a unit outside your scope`);
    } else {
      entry.target = { existing };
      if (existing.id === scope.id) {
        fail(entry, 'code', 'scope-unit-row', `“${code}” là chính đơn vị gốc của lượt nhập; hãy bỏ dòng này`, `"${code}" is the unit the import works under; remove this row`);
      }
    }
  }

  // Parents: empty = the scope unit; else a row of the file, or a unit of the tree within the scope.
  for (const entry of entries) {
    if (entry.target === null) continue;
    const parentCode = entry.source.parentCode;
    if (parentCode === null) {
      // An unreadable parent code has its error already; guessing "the scope unit" would only add false ones.
      if (!entry.source.parentCodeInvalid) entry.parent = { unit: scope };
    } else {
      const row = byCode.get(parentCode.toUpperCase());
      const unit = unitsByCode.get(parentCode.toUpperCase());
      if (row !== undefined) entry.parent = { row };
      else if (unit !== undefined && inScope(unit)) entry.parent = { unit };
      // Outside the scope looks exactly like a code that does not exist.
      else fail(entry, 'parentCode', 'unknown-parent', `Không tìm thấy đơn vị cấp trên “${parentCode}” (trong tệp hoặc trong phạm vi bạn quản lý)`, `Parent "${parentCode}" not found (in the file or within your scope)`);
    }
  }
  markCycles(entries, (entry) => fail(entry, 'parentCode', 'parent-cycle', 'Đơn vị cấp trên tạo thành vòng lặp (đơn vị nằm dưới chính nó)', 'The parent codes form a cycle (a unit under itself)'));
  for (const [entry, depth] of depths(entries)) {
    if (depth > MAX_DEPTH) fail(entry, 'parentCode', 'too-deep', `Đơn vị nằm sâu quá ${MAX_DEPTH} cấp dưới Sở`, `The unit would sit more than ${MAX_DEPTH} levels below the department`);
  }

  for (const entry of entries) {
    const { parent, target, source } = entry;
    if (parent === null || target === null) continue;
    const parentKind = 'unit' in parent ? parent.unit.kind : parent.row.source.kind;
    if (parentKind !== null && !isOfficeKind(parentKind)) {
      fail(entry, 'parentCode', 'parent-is-school', 'Đơn vị cấp trên là trường; chỉ Sở hoặc Phòng mới có đơn vị trực thuộc', 'The parent is a school; only a department or an office has units beneath it');
    }
    if ('unit' in parent && parent.unit.status !== 'active') {
      fail(entry, 'parentCode', 'parent-inactive', 'Đơn vị cấp trên đã ngừng hoạt động', 'The parent unit is inactive');
    }
    if ('unit' in parent && isMoving(parent.unit)) failMoving(entry, 'parentCode');
    if (!('existing' in target)) {
      entry.action = 'create';
      continue;
    }
    const unit = target.existing;
    if (unit.id === scope.id) continue;
    if (isMoving(unit) && !('unit' in parent && isMoving(parent.unit))) failMoving(entry, 'code');
    const parentId = 'unit' in parent ? parent.unit.id : targetId(parent.row.target);
    if (parentId !== null && parentId !== unit.parentId) {
      fail(entry, 'parentCode', 'move-not-supported', `Đơn vị “${unit.code}” đang thuộc đơn vị cấp trên khác; nhập danh sách không chuyển đơn vị — hãy dùng chức năng “Chuyển đơn vị”, rồi nhập lại`, `Unit "${unit.code}" is under another parent; an import does not move units: use "Move unit", then import again`);
    }
    if (source.kind !== null && isOfficeKind(source.kind) !== isOfficeKind(unit.kind)) {
      fail(entry, 'kind', 'kind-level-change', 'Nhập danh sách không đổi trường thành phòng hay ngược lại', 'An import does not turn a school into an office or back');
    }
    entry.action = source.name === unit.name && source.kind === unit.kind ? 'unchanged' : 'update';
  }

  planAccounts(entries, loginOwners, newId, fail);

  const counts: PlanCounts = { toCreate: 0, toUpdate: 0, unchanged: 0, accountsToCreate: 0, accountsUnchanged: 0 };
  for (const entry of entries) {
    if (entry.failed) continue;
    if (entry.action === 'create') counts.toCreate += 1;
    if (entry.action === 'update') counts.toUpdate += 1;
    if (entry.action === 'unchanged') counts.unchanged += 1;
    if (entry.account?.action === 'create') counts.accountsToCreate += 1;
    if (entry.account?.action === 'unchanged') counts.accountsUnchanged += 1;
  }
  errors.sort((a, b) => a.row - b.row);
  return { ops: errors.length === 0 ? orderedOps(entries, input.units) : [], errors, counts };
}

function targetId(target: Target | null): string | null {
  if (target === null) return null;
  return 'existing' in target ? target.existing.id : target.newId;
}

/**
 * How deep each row's unit would sit (the Sở is 0), for rows not on a cycle. Walked without recursion
 * and remembered, so a long chain costs one pass.
 */
function depths(entries: Entry[]): Map<Entry, number> {
  const known = new Map<Entry, number>();
  for (const start of entries) {
    const chain: Entry[] = [];
    let current: Entry | null = start;
    let base: number | null = null;
    const seen = new Set<Entry>();
    while (current !== null && !known.has(current) && !seen.has(current)) {
      seen.add(current);
      chain.push(current);
      const parent: Parent | null = current.parent;
      if (parent === null) break;
      if ('unit' in parent) {
        base = parent.unit.depth;
        current = null;
      } else {
        current = parent.row;
      }
    }
    if (current !== null) base = known.get(current) ?? null;
    // A chain that ends in a cycle or at a row without a parent has no depth to report.
    if (base === null) continue;
    for (const entry of chain.reverse()) known.set(entry, (base += 1));
  }
  return known;
}

/** Marks every row that sits on a cycle of parent codes within the file. */
function markCycles(entries: Entry[], onCycle: (entry: Entry) => void): void {
  const state = new Map<Entry, 'walking' | 'done'>();
  for (const start of entries) {
    const walk: Entry[] = [];
    let current: Entry | null = start;
    while (current !== null && !state.has(current)) {
      state.set(current, 'walking');
      walk.push(current);
      const parent: Parent | null = current.parent;
      current = parent !== null && 'row' in parent ? parent.row : null;
    }
    if (current !== null && state.get(current) === 'walking') for (const entry of walk.slice(walk.indexOf(current))) onCycle(entry);
    for (const entry of walk) state.set(entry, 'done');
  }
}

/** The plan's rows, parents before children, otherwise in file order; paths and expected versions worked out along the way. */
function orderedOps(entries: Entry[], units: readonly StoredUnit[]): PlannedOp[] {
  const baseVersions = new Map(units.map((unit) => [unit.id, unit.version]));
  const ops: PlannedOp[] = [];
  const emitted = new Set<Entry>();
  const places = new Map<string, { path: string; depth: number }>();
  const versions = new Map<string, number>();
  const placeOf = (parent: Parent): { id: string; path: string; depth: number } => {
    if ('unit' in parent) return parent.unit;
    const id = targetId(parent.row.target) ?? '';
    const place = places.get(id);
    if (place === undefined) throw new Error(`unreachable: parent row ${parent.row.source.row} is planned after its child`);
    return { id, ...place };
  };
  // Units of the tree keep the version they were read at until the plan updates them; new ones start at 1.
  const versionOf = (id: string) => versions.get(id) ?? baseVersions.get(id) ?? 1;
  const emit = (entry: Entry) => {
    const { source, target, parent, action, account } = entry;
    if (target === null || parent === null || action === null || source.code === null || source.name === null || source.kind === null) {
      throw new Error(`unreachable: row ${source.row} has no error but is incomplete`);
    }
    const common = { row: source.row, code: source.code, account };
    if ('newId' in target) {
      const at = placeOf(parent);
      const path = `${at.path}${target.newId}/`;
      places.set(target.newId, { path, depth: at.depth + 1 });
      versions.set(target.newId, 1);
      const guards = pathIds(at.path).reverse().map((id) => ({ id, version: versionOf(id) }));
      ops.push({ ...common, action: 'create', unitId: target.newId, name: source.name, kind: source.kind, parentId: at.id, parentPath: at.path, guards, depth: at.depth + 1 });
      return;
    }
    const unit = target.existing;
    places.set(unit.id, { path: unit.path, depth: unit.depth });
    if (action === 'update') {
      const version = versionOf(unit.id);
      versions.set(unit.id, version + 1);
      ops.push({ ...common, action: 'update', unitId: unit.id, version, before: { name: unit.name, kind: unit.kind }, name: source.name, kind: source.kind, path: unit.path, parentId: unit.parentId });
    } else {
      ops.push({ ...common, action: 'unchanged', unitId: unit.id, path: unit.path });
    }
  };
  for (const start of entries) {
    // The row and its not yet planned ancestors in the file, emitted from the top down (no recursion: chains may be long).
    const chain: Entry[] = [];
    let current: Entry | null = start;
    while (current !== null && !emitted.has(current)) {
      chain.push(current);
      emitted.add(current);
      const parent: Parent | null = current.parent;
      current = parent !== null && 'row' in parent ? parent.row : null;
    }
    for (const entry of chain.reverse()) emit(entry);
  }
  return ops;
}
