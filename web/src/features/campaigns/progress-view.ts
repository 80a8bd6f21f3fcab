import type { ProgressRow, ProgressStatus, UnitSummary } from './api.ts';

const OFFICE_KINDS = ['district-office', 'provincial-department'];

export interface OfficeRef {
  id: string;
  name: string;
}

/** A progress row with the office it belongs to: the nearest office above the school (its Phòng, or the Sở). */
export interface UnitProgress extends ProgressRow {
  office: OfficeRef | null;
}

export interface ProgressFilter {
  status: ProgressStatus | '';
  kind: string;
  officeId: string;
  overdueOnly: boolean;
}

export const NO_FILTER: ProgressFilter = { status: '', kind: '', officeId: '', overdueOnly: false };

/** The nearest office above a unit, from its path (`root/office/school/`) and the units the caller can read. */
export function officeOf(path: string, units: ReadonlyMap<string, UnitSummary>): OfficeRef | null {
  const ids = path.split('/').filter((id) => id !== '');
  for (const id of ids.slice(0, -1).reverse()) {
    const unit = units.get(id);
    if (unit !== undefined && OFFICE_KINDS.includes(unit.kind)) return { id: unit.id, name: unit.name };
  }
  return null;
}

export function withOffices(rows: readonly ProgressRow[], units: readonly UnitSummary[]): UnitProgress[] {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  return rows.map((row) => ({ ...row, office: officeOf(row.unitPath, byId) }));
}

/**
 * The rows the filters keep. "Overdue" is a status of its own in the API (past the self-assessment
 * deadline and not submitted); the check box is a shortcut for it that also works with a kind or office.
 */
export function filterRows(rows: readonly UnitProgress[], filter: ProgressFilter): UnitProgress[] {
  return rows.filter(
    (row) =>
      (filter.status === '' || row.status === filter.status) &&
      (filter.kind === '' || row.unitKind === filter.kind) &&
      (filter.officeId === '' || row.office?.id === filter.officeId) &&
      (!filter.overdueOnly || row.status === 'overdue'),
  );
}

/** The distinct offices of the rows, by name, for the office filter. */
export function officesOf(rows: readonly UnitProgress[]): OfficeRef[] {
  const offices = new Map<string, OfficeRef>();
  for (const row of rows) if (row.office !== null) offices.set(row.office.id, row.office);
  return [...offices.values()].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

/** The distinct kinds of the rows, for the kind filter. */
export function kindsOf(rows: readonly UnitProgress[]): string[] {
  return [...new Set(rows.map((row) => row.unitKind))].sort();
}

/** Counts per status of the rows shown (the API's counts are for the whole scope, before filters). */
export function countByStatus(rows: readonly UnitProgress[]): Map<ProgressStatus, number> {
  const counts = new Map<ProgressStatus, number>();
  for (const row of rows) counts.set(row.status, (counts.get(row.status) ?? 0) + 1);
  return counts;
}
