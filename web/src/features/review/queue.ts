import { PROGRESS_STATUSES, type ProgressRow, type ProgressStatus } from './api.ts';

export interface QueueFilters {
  /** '' for every status. */
  status: ProgressStatus | '';
  /** '' for every kind. */
  kind: string;
  overdue: boolean;
}

export const NO_FILTERS: QueueFilters = { status: '', kind: '', overdue: false };

/** Today in Vietnam (UTC+7, no daylight saving), as the API's deadlines count days: `YYYY-MM-DD`. */
export function vietnamToday(now: Date): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Whether the step the row waits on is past its deadline, as the API computed it with the unit's
 * extension of that step: the school's self-assessment (`overdue`), the office's review of a submitted
 * dossier, its recognition of an accepted one, the publication of a recognised one.
 */
export function isOverdue(row: Pick<ProgressRow, 'status' | 'nextDeadline'>): boolean {
  return row.status === 'overdue' || (row.nextDeadline?.passed ?? false);
}

/** The deadline of the step the row waits on, its extension included; none once published. */
export function stepDeadline(row: Pick<ProgressRow, 'nextDeadline'>): string {
  return row.nextDeadline?.applies ?? '—';
}

/** The rows the filters keep, in the API's order (the tree's). */
export function filterRows(rows: readonly ProgressRow[], filters: QueueFilters): ProgressRow[] {
  return rows.filter(
    (row) =>
      (filters.status === '' || row.status === filters.status) &&
      (filters.kind === '' || row.unitKind === filters.kind) &&
      (!filters.overdue || isOverdue(row)),
  );
}

/** Rows per status, every status listed (0 included), so the progress bar and the status choices keep their places. */
export function countByStatus(rows: readonly Pick<ProgressRow, 'status'>[]): Record<ProgressStatus, number> {
  const counts = Object.fromEntries(PROGRESS_STATUSES.map((status) => [status, 0])) as Record<ProgressStatus, number>;
  for (const row of rows) counts[row.status] += 1;
  return counts;
}

/** The kinds of school present, each once, in first-seen order. */
export function kindsOf(rows: readonly Pick<ProgressRow, 'unitKind'>[]): string[] {
  return [...new Set(rows.map((row) => row.unitKind))];
}

/** A row has something to open once the school has started (a submission exists). */
export function opens(row: Pick<ProgressRow, 'status'>): boolean {
  return row.status !== 'not-started';
}

/** The school's own levels and the reviewer's (the recognised ones once there are). */
export function stagesOf(row: ProgressRow): { self: ProgressRow['score']; review: ProgressRow['score'] } {
  return { self: row.levels.self, review: row.levels.recognised ?? row.levels.review };
}

/** Filters read back from the address (`?status=submitted&kind=primary&overdue=1`), unknown values ignored. */
export function filtersFromQuery(query: Record<string, string | string[] | undefined>): QueueFilters {
  const one = (value: string | string[] | undefined) => (Array.isArray(value) ? (value[0] ?? '') : (value ?? ''));
  const status = one(query.status);
  return {
    status: (PROGRESS_STATUSES as readonly string[]).includes(status) ? (status as ProgressStatus) : '',
    kind: one(query.kind),
    overdue: one(query.overdue) === '1',
  };
}
