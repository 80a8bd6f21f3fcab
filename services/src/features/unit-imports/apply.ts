import { randomInt } from 'node:crypto';
import type { TenantContext } from '../../auth/tenant-context.ts';
import { pathIds } from '../../auth/scope.ts';
import { type AuditEvent, type Snapshot, auditEvent } from '../../db/audit-event.ts';
import { type VersionedWrite, checkVersion, putNew, updateIfVersion } from '../../db/versioned.ts';
import { ConflictError, type ErrorDetail, StateConflictError } from '../../errors.ts';
import { accountCreation } from '../accounts/repository.ts';
import type { Account } from '../accounts/schemas.ts';
import { unitIndexKeys, unitKeys } from '../units/keys.ts';
import { guardChecks } from '../units/move-guard.ts';
import { sortName, unitCodeKeys, unitEntity, unitItem } from '../units/repository.ts';
import type { Unit } from '../units/schemas.ts';
import { importEntity, importKeys } from './keys.ts';
import type { ImportRepository, JobItem } from './repository.ts';
import type { OneTimePassword, PlannedOp, Progress } from './schemas.ts';

// DynamoDB's limit on one transaction; one item of each is the job's progress.
const MAX_ITEMS = 100;

export interface ApplyDeps {
  imports: ImportRepository;
  /** Null: accounts get no password (Cognito mode, where the user pool invites people). */
  hashPassword: ((password: string) => Promise<string>) | null;
  now: () => string;
}

/** One transaction: some rows of the plan, their writes and audit events, and the units they touch (an item may appear once per transaction). */
interface Tx {
  ops: PlannedOp[];
  writes: VersionedWrite[];
  events: AuditEvent[];
  touched: Set<string>;
  passwords: OneTimePassword[];
}

/**
 * Applies `ops` (the next rows of the plan): checks first that the units they rely on are as the plan
 * saw them, then writes several rows per transaction, each transaction also moving the job's progress
 * on from the version read. A repeated or crashed call therefore never applies a row twice: the rows a
 * transaction wrote and the progress that says so land together, or neither does.
 */
export async function applyBatch(deps: ApplyDeps, ctx: TenantContext, job: JobItem, ops: PlannedOp[]): Promise<{ job: JobItem; passwords: OneTimePassword[] }> {
  const versions = await assertTreeAsPlanned(deps, ctx, ops);
  const now = deps.now();
  const secrets = await passwordsFor(deps, ops);
  const txs = pack(ctx, ops, secrets, now, versions);
  let current = job;
  const passwords: OneTimePassword[] = [];
  if (txs.every((tx) => tx.writes.length === 0)) {
    const progress = advance(current.progress, ops);
    const status = statusOf(progress);
    const version = await deps.imports.saveProgress(ctx, current, { status, progress, updatedAt: now });
    return { job: { ...current, status, progress, version, updatedAt: now }, passwords };
  }
  for (const [index, tx] of txs.entries()) {
    const progress = advance(current.progress, tx.ops);
    const status = statusOf(progress);
    const header = updateIfVersion(importEntity(job.id), importKeys(ctx, job.id), current.version, { status, progress, updatedAt: now });
    try {
      await deps.imports.commitBatch(ctx, [...tx.writes, header], tx.events);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      // What landed stays landed, and its passwords must reach the admin: report the clash on the next call.
      if (index > 0) break;
      throw error.entity.type === 'unit-import' ? error : staleRows(rowsOf(tx, error));
    }
    current = { ...current, status, progress, version: current.version + 1, updatedAt: now };
    passwords.push(...tx.passwords);
  }
  return { job: current, passwords };
}

function statusOf(progress: Progress): JobItem['status'] {
  return progress.done ? 'done' : 'applying';
}

function advance(progress: Progress, ops: readonly PlannedOp[]): Progress {
  const next = { ...progress, processed: progress.processed + ops.length };
  for (const op of ops) {
    if (op.action === 'create') next.created += 1;
    if (op.action === 'update') next.updated += 1;
    if (op.action === 'unchanged') next.unchanged += 1;
    if (op.account?.action === 'create') next.accountsCreated += 1;
  }
  return { ...next, done: next.processed >= next.total };
}

/**
 * Reads once, before writing, every unit the rows rely on and is not created by them: the parents and
 * their ancestors at the versions the plan expects, the units to update or to give accounts at their
 * paths. Anything different (changed, moved, being moved, gone) stops the import with every row named.
 * Returns the versions read, by unit id.
 */
async function assertTreeAsPlanned(deps: ApplyDeps, ctx: TenantContext, ops: readonly PlannedOp[]): Promise<Map<string, number>> {
  const createdHere = new Set(ops.flatMap((op) => (op.action === 'create' ? [op.unitId] : [])));
  const expected = new Map<string, { row: number; version: number | null; path: string | null }>();
  const expect = (id: string, row: number, version: number | null, path: string | null) => {
    if (createdHere.has(id)) return;
    const known = expected.get(id);
    if (known === undefined) expected.set(id, { row, version, path });
    else if (known.version === null && version !== null) known.version = version;
  };
  for (const op of ops) {
    if (op.action === 'create') for (const guard of op.guards) expect(guard.id, op.row, guard.version, null);
    else if (op.action === 'update' || op.account?.action === 'create') {
      expect(op.unitId, op.row, op.action === 'update' ? op.version : null, op.path);
      for (const id of pathIds(op.path).slice(0, -1)) expect(id, op.row, null, null);
    }
  }
  if (expected.size === 0) return new Map();
  const found = new Map((await deps.imports.units(ctx, [...expected.keys()])).map((unit) => [unit.id, unit]));
  const details: ErrorDetail[] = [];
  for (const [id, want] of expected) {
    const unit = found.get(id);
    const path = `rows.${want.row}`;
    if (unit === undefined) {
      details.push({ path, code: 'unit-missing', messageVi: `Dòng ${want.row}: một đơn vị liên quan không còn nữa`, messageEn: `Row ${want.row}: a unit it relies on no longer exists` });
    } else if (unit.moving !== null) {
      details.push({ path, code: 'unit-moving', messageVi: `Dòng ${want.row}: “${unit.name}” đang được chuyển sang vị trí mới`, messageEn: `Row ${want.row}: "${unit.name}" is being moved` });
    } else if ((want.version !== null && unit.version !== want.version) || (want.path !== null && unit.path !== want.path)) {
      details.push({ path, code: 'unit-changed', messageVi: `Dòng ${want.row}: “${unit.name}” đã được sửa hoặc chuyển từ lúc kiểm tra`, messageEn: `Row ${want.row}: "${unit.name}" was changed or moved since the check` });
    }
  }
  if (details.length > 0) throw staleRows(details);
  return new Map([...found.values()].map((unit) => [unit.id, unit.version]));
}

function staleRows(details: ErrorDetail[]): StateConflictError {
  return new StateConflictError(
    'import-stale',
    'Cây đơn vị đã thay đổi từ lúc kiểm tra tệp; hãy tải tệp lên lại để kiểm tra lại (các dòng đã nhập sẽ được giữ nguyên)',
    'The unit tree changed since the file was checked; upload the file again to check it again (rows already imported stay as they are)',
    details,
  );
}

/** The row a failed write of `tx` belongs to, for the report. */
function rowsOf(tx: Tx, error: ConflictError): ErrorDetail[] {
  const id = error.entity.id;
  const op = tx.ops.find((candidate) => [candidate.unitId, candidate.code, candidate.account?.id, candidate.account?.login, candidate.account?.email].includes(id)) ?? tx.ops[0];
  const row = op?.row ?? 0;
  const what = error.reason === 'exists' ? `“${id}” đã có` : `“${id}” đã bị thay đổi`;
  const whatEn = error.reason === 'exists' ? `"${id}" already exists` : `"${id}" was changed`;
  return [{ path: `rows.${row}`, code: error.reason === 'exists' ? 'already-exists' : 'unit-changed', messageVi: `Dòng ${row}: ${what}`, messageEn: `Row ${row}: ${whatEn}` }];
}

const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const PASSWORD_LENGTH = 14;
// scrypt takes about 64 MiB per hash: a few at a time.
const PARALLEL_HASHES = 4;

/** A one-time password for each account the rows create (none in Cognito mode), with its hash. */
async function passwordsFor(deps: ApplyDeps, ops: readonly PlannedOp[]): Promise<Map<string, { password: string; hash: string }>> {
  const secrets = new Map<string, { password: string; hash: string }>();
  const hash = deps.hashPassword;
  if (hash === null) return secrets;
  const ids = ops.flatMap((op) => (op.account?.action === 'create' ? [op.account.id] : []));
  for (let i = 0; i < ids.length; i += PARALLEL_HASHES) {
    await Promise.all(
      ids.slice(i, i + PARALLEL_HASHES).map(async (id) => {
        // Without look-alike characters (0/O, 1/l/I): it is read off a screen and typed once.
        const password = Array.from({ length: PASSWORD_LENGTH }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join('');
        secrets.set(id, { password, hash: await hash(password) });
      }),
    );
  }
  return secrets;
}

/**
 * Packs rows into transactions of at most MAX_ITEMS items (the progress update included), in plan
 * order. `versions`: the existing units' versions as read, moved on as the rows update them.
 */
function pack(ctx: TenantContext, ops: readonly PlannedOp[], secrets: Map<string, { password: string; hash: string }>, now: string, versions: Map<string, number>): Tx[] {
  const fresh = (): Tx => ({ ops: [], writes: [], events: [], touched: new Set(), passwords: [] });
  const txs: Tx[] = [fresh()];
  for (const op of ops) {
    let tx = txs[txs.length - 1] ?? fresh();
    let change = changeOf(ctx, op, tx.touched, secrets, now, versions);
    const size = (t: Tx) => t.writes.length + t.events.length;
    if (change !== null && tx.writes.length > 0 && (change.clashes || size(tx) + change.writes.length + change.events.length + 1 > MAX_ITEMS)) {
      tx = fresh();
      txs.push(tx);
      change = changeOf(ctx, op, tx.touched, secrets, now, versions);
    }
    tx.ops.push(op);
    if (op.action === 'update') versions.set(op.unitId, op.version + 1);
    if (change === null) continue;
    tx.writes.push(...change.writes);
    tx.events.push(...change.events);
    for (const id of change.touches) tx.touched.add(id);
    if (change.password !== null) tx.passwords.push(change.password);
  }
  return txs;
}

interface Change {
  writes: VersionedWrite[];
  events: AuditEvent[];
  touches: string[];
  /** The row writes a unit this transaction already touches: it must go in the next one. */
  clashes: boolean;
  password: OneTimePassword | null;
}

/** The writes and audit events of one row, or null when it changes nothing. */
function changeOf(
  ctx: TenantContext,
  op: PlannedOp,
  touched: ReadonlySet<string>,
  secrets: Map<string, { password: string; hash: string }>,
  now: string,
  versions: ReadonlyMap<string, number>,
): Change | null {
  const writes: VersionedWrite[] = [];
  const events: AuditEvent[] = [];
  const touches: string[] = [];
  let clashes = false;
  let path: string;
  if (op.action === 'create') {
    path = `${op.parentPath}${op.unitId}/`;
    const unit: Unit = { id: op.unitId, parentId: op.parentId, name: op.name, kind: op.kind, code: op.code, path, depth: op.depth, status: 'active', version: 1, createdAt: now, updatedAt: now };
    const entity = unitEntity(unit.id);
    writes.push(putNew(entity, unitItem(ctx, unit)));
    writes.push(putNew(unitEntity(op.code), { ...unitCodeKeys(ctx, op.code), type: 'unit-code', unitId: unit.id }));
    // A unit the transaction already writes or checks is covered by that write's own condition.
    for (const guard of op.guards) {
      if (touched.has(guard.id)) continue;
      writes.push(checkVersion(unitEntity(guard.id), unitKeys(ctx, guard.id), guard.version));
      touches.push(guard.id);
    }
    touches.push(unit.id);
    events.push(auditEvent(ctx, { action: 'unit.created', entity, entityVersion: 1, before: null, after: { ...unit } }));
  } else if (op.action === 'update') {
    path = op.path;
    clashes = touched.has(op.unitId);
    const before: Snapshot = {};
    const after: Snapshot = {};
    const set: Record<string, unknown> = { updatedAt: now };
    if (op.name !== op.before.name) {
      before.name = op.before.name;
      after.name = op.name;
      set.name = op.name;
      set.gsi2sk = unitIndexKeys(ctx, { id: op.unitId, parentId: op.parentId, path: op.path, sortName: sortName(op.name) }).gsi2sk;
    }
    if (op.kind !== op.before.kind) {
      before.kind = op.before.kind;
      after.kind = op.kind;
      set.kind = op.kind;
    }
    const entity = unitEntity(op.unitId);
    writes.push(updateIfVersion(entity, unitKeys(ctx, op.unitId), op.version, set));
    touches.push(op.unitId);
    events.push(auditEvent(ctx, { action: 'unit.updated', entity, entityVersion: op.version + 1, before, after }));
  } else {
    path = op.path;
  }
  let password: OneTimePassword | null = null;
  if (op.account?.action === 'create') {
    const { id, login, name, email, role } = op.account;
    const account: Account = { id, login, email, name, position: null, phone: null, homeUnitId: op.unitId, homePath: path, status: 'active', version: 1, createdAt: now, updatedAt: now };
    const secret = secrets.get(id) ?? null;
    const created = accountCreation(ctx, { account, passwordHash: secret?.hash ?? null, grants: [{ unitId: op.unitId, role }] }, now);
    writes.push(...created.writes);
    if (op.action !== 'create') {
      // The account copies an existing unit's path: conditioned on it and the units above it (the root
      // aside) as read, so a move marked since makes the row fail instead of leaving a stale home path.
      const guards = pathIds(path)
        .slice(1)
        .flatMap((id) => {
          const version = versions.get(id);
          return version === undefined || touched.has(id) || touches.includes(id) ? [] : [{ id, version }];
        });
      writes.push(...guardChecks(ctx, guards));
      touches.push(...guards.map((guard) => guard.id));
    }
    events.push(...created.events);
    if (secret !== null) password = { row: op.row, unitCode: op.code, login, password: secret.password };
  }
  return writes.length === 0 ? null : { writes, events, touches, clashes, password };
}
