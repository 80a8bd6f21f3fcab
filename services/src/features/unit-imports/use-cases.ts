import type { Caller } from '../../auth/caller.ts';
import { pathIds } from '../../auth/scope.ts';
import { newId } from '../../db/ids.ts';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError, StateConflictError } from '../../errors.ts';
import { normalizeLogin } from '../accounts/repository.ts';
import { unitEntity } from '../units/repository.ts';
import type { StoredUnit } from '../units/schemas.ts';
import { type ApplyDeps, applyBatch } from './apply.ts';
import { importEntity } from './keys.ts';
import { ACCOUNTS_PER_APPLY, MAX_LISTED_ERRORS, ROWS_PER_APPLY } from './limits.ts';
import { detectFormat, readSheet } from './parse.ts';
import { planImport } from './plan.ts';
import type { JobItem } from './repository.ts';
import { readRows } from './rows.ts';
import type { ImportJob, ImportProgress, PlannedOp, RowError } from './schemas.ts';

export type ImportDeps = ApplyDeps;

/** The uploaded file as the route received it. */
export interface Upload {
  contentType: string | undefined;
  bytes: Uint8Array;
  /** The unit the import works under; by default the one unit the caller manages. */
  scopeUnitId: string | undefined;
}

/**
 * The dry run: reads the file, checks every row against the tree (read once, whole) and the logins
 * (read in bulk), and stores the plan as an import job. Nothing in the tenant changes. A plan with
 * errors can only be read; a plan with nothing to do is done at once.
 */
export async function createImport(deps: ImportDeps, caller: Caller, upload: Upload): Promise<ImportJob> {
  const ctx = caller.ctx;
  const scope = await scopeOf(deps, caller, upload.scopeUnitId);
  const format = detectFormat(upload.contentType, upload.bytes);
  const read = readRows(await readSheet(format, upload.bytes));
  if (read.hasAccountColumns) caller.authorize('account.manage', pathIds(scope.path), unitEntity(scope.id));
  const rootId = pathIds(scope.path)[0] ?? scope.id;
  const units = await deps.imports.subtree(ctx, `${rootId}/`);
  const logins = read.rows.flatMap((row) => (row.account === null ? [] : [row.account.login, ...(row.account.email === null ? [] : [row.account.email])]));
  const loginOwners = await deps.imports.loginOwners(ctx, [...new Set(logins.map(normalizeLogin))]);
  const plan = planImport({ read, scope, units, loginOwners, newId });

  const now = deps.now();
  const nothingToDo = plan.counts.toCreate + plan.counts.toUpdate + plan.counts.accountsToCreate === 0;
  const total = plan.ops.length;
  const invalid = plan.errors.length > 0;
  const job = await deps.imports.create(
    ctx,
    {
      id: newId(),
      status: invalid ? 'invalid' : nothingToDo ? 'done' : 'ready',
      format,
      scopeUnitId: scope.id,
      rows: read.rows.length,
      ...plan.counts,
      errorCount: plan.errors.length,
      errorsTruncated: plan.errors.length > MAX_LISTED_ERRORS,
      ignoredColumns: read.ignoredColumns,
      // A plan of unchanged rows only has nothing to apply: it is done as it stands, and writes nothing.
      progress: { total, processed: !invalid && nothingToDo ? total : 0, created: 0, updated: 0, unchanged: !invalid && nothingToDo ? total : 0, accountsCreated: 0, done: !invalid && nothingToDo },
      createdBy: ctx.actor.kind === 'account' ? ctx.actor.accountId : null,
      createdAt: now,
      updatedAt: now,
    },
    invalid ? { errors: plan.errors.slice(0, MAX_LISTED_ERRORS) } : { ops: plan.ops },
  );
  return viewOf(job, plan.errors.slice(0, MAX_LISTED_ERRORS));
}

/** An import the caller may manage: its status, progress and the errors of its dry run. */
export async function getImport(deps: ImportDeps, caller: Caller, importId: string): Promise<ImportJob> {
  const job = await jobToManage(deps, caller, importId);
  return viewOf(job, await deps.imports.readErrors(caller.ctx, job));
}

/**
 * Applies the next rows of an import (ROWS_PER_APPLY at most, fewer when they create many accounts),
 * from the version the caller read; the client calls again with the answer's version until `done`.
 */
export async function applyImport(deps: ImportDeps, caller: Caller, importId: string, version: number): Promise<ImportProgress> {
  const job = await jobToManage(deps, caller, importId);
  if (job.status === 'invalid') {
    throw new StateConflictError(
      'import-has-errors',
      `Tệp có ${job.errorCount} lỗi nên không nhập được; hãy sửa tệp rồi tải lên lại`,
      `The file has ${job.errorCount} errors and cannot be imported; fix it and upload it again`,
    );
  }
  if (job.version !== version) throw new ConflictError(importEntity(job.id), job.version, 'stale');
  if (job.status === 'done') return progressOf(job, []);
  const from = job.progress.processed;
  const ops = limitAccounts(await deps.imports.readOps(caller.ctx, job, from, from + ROWS_PER_APPLY));
  const applied = await applyBatch(deps, caller.ctx, job, ops);
  return progressOf(applied.job, applied.passwords);
}

/** Stops the batch before the account over ACCOUNTS_PER_APPLY (at least one row always goes). */
function limitAccounts(ops: PlannedOp[]): PlannedOp[] {
  let accounts = 0;
  const end = ops.findIndex((op) => {
    if (op.account?.action === 'create') accounts += 1;
    return accounts > ACCOUNTS_PER_APPLY;
  });
  return end <= 0 ? ops : ops.slice(0, end);
}

/** The unit an import works under: the one asked for, or the caller's one unit with `unit.manage`; it must manage it. */
async function scopeOf(deps: ImportDeps, caller: Caller, scopeUnitId: string | undefined): Promise<StoredUnit> {
  let unitId = scopeUnitId;
  if (unitId === undefined) {
    const roots = caller.scopeRoots('unit.manage');
    if (roots.length === 0) throw new ForbiddenError('unit.manage');
    if (roots.length > 1) {
      throw new InvalidInputError(
        'query.scopeUnitId',
        'scope-required',
        'Bạn quản trị nhiều đơn vị: hãy chọn đơn vị gốc của lượt nhập (scopeUnitId)',
        'You administer several units: choose the unit the import works under (scopeUnitId)',
      );
    }
    unitId = roots[0];
  }
  const unit = unitId === undefined ? null : await deps.imports.unit(caller.ctx, unitId);
  if (unit === null || unitId === undefined) throw new NotFoundError(unitEntity(unitId ?? ''));
  caller.authorize('unit.manage', pathIds(unit.path), unitEntity(unit.id));
  return unit;
}

/** An import whose scope unit the caller manages; outside the caller's reach it does not exist. */
async function jobToManage(deps: ImportDeps, caller: Caller, importId: string): Promise<JobItem> {
  const job = await deps.imports.get(caller.ctx, importId);
  const scope = job === null ? null : await deps.imports.unit(caller.ctx, job.scopeUnitId);
  if (job === null || scope === null) throw new NotFoundError(importEntity(importId));
  const path = pathIds(scope.path);
  caller.authorize('unit.manage', path, importEntity(importId));
  if (job.accountsToCreate > 0) caller.authorize('account.manage', path, importEntity(importId));
  return job;
}

function viewOf(job: JobItem, errors: RowError[]): ImportJob {
  const { id, version, status, format, scopeUnitId, rows, toCreate, toUpdate, unchanged, accountsToCreate, accountsUnchanged, errorCount, errorsTruncated, ignoredColumns, progress, createdAt, updatedAt } = job;
  return { importId: id, version, status, format, scopeUnitId, rows, toCreate, toUpdate, unchanged, accountsToCreate, accountsUnchanged, errorCount, errors, errorsTruncated, ignoredColumns, progress, createdAt, updatedAt };
}

function progressOf(job: JobItem, passwords: ImportProgress['passwords']): ImportProgress {
  return { importId: job.id, version: job.version, status: job.status, ...job.progress, passwords };
}
