import type { OfficeRef, ProgressRow, ProgressStatus } from './api.ts';

export interface ProgressFilter {
  status: ProgressStatus | '';
  kind: string;
  officeId: string;
  overdueOnly: boolean;
}

export const NO_FILTER: ProgressFilter = { status: '', kind: '', officeId: '', overdueOnly: false };

/**
 * The rows the filters keep. "Overdue" is a status of its own in the API (past the self-assessment
 * deadline and not submitted); the check box is a shortcut for it that also works with a kind or office.
 */
export function filterRows(rows: readonly ProgressRow[], filter: ProgressFilter): ProgressRow[] {
  return rows.filter(
    (row) =>
      (filter.status === '' || row.status === filter.status) &&
      (filter.kind === '' || row.unitKind === filter.kind) &&
      (filter.officeId === '' || row.office?.id === filter.officeId) &&
      (!filter.overdueOnly || row.status === 'overdue'),
  );
}

/** The distinct offices of the rows, by name, for the office filter. */
export function officesOf(rows: readonly ProgressRow[]): OfficeRef[] {
  const offices = new Map<string, OfficeRef>();
  for (const row of rows) if (row.office !== null) offices.set(row.office.id, row.office);
  return [...offices.values()].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

/** The distinct kinds of the rows, for the kind filter. */
export function kindsOf(rows: readonly ProgressRow[]): string[] {
  return [...new Set(rows.map((row) => row.unitKind))].sort();
}

/** Counts per status of the rows shown (the API's counts are for the whole scope, before filters). */
export function countByStatus(rows: readonly ProgressRow[]): Map<ProgressStatus, number> {
  const counts = new Map<ProgressStatus, number>();
  for (const row of rows) counts.set(row.status, (counts.get(row.status) ?? 0) + 1);
  return counts;
}
