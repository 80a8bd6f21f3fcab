import { describe, expect, it } from 'vitest';
import type { ProgressRow, UnitSummary } from './api.ts';
import { NO_FILTER, countByStatus, filterRows, kindsOf, officeOf, officesOf, withOffices } from './progress-view.ts';

const units: UnitSummary[] = [
  { id: 'so', name: 'Sở GDĐT', kind: 'provincial-department', path: 'so/' },
  { id: 'tp', name: 'Phòng GDĐT Thành phố', kind: 'district-office', path: 'so/tp/' },
  { id: 'vp', name: 'Phòng GDĐT Vân Phong', kind: 'district-office', path: 'so/vp/' },
];

const row = (unitId: string, path: string, unitKind: string, status: ProgressRow['status']): ProgressRow => ({
  unitId,
  unitName: unitId,
  unitKind,
  unitPath: path,
  status,
  criteria: { setKey: '4725', number: 1 },
  levels: { self: null, review: null, recognised: null },
  deadline: '2026-01-31',
  submittedAt: null,
});

const rows = withOffices(
  [
    row('th-sb', 'so/tp/th-sb/', 'primary', 'not-started'),
    row('thcs-dt', 'so/tp/thcs-dt/', 'lower-secondary', 'draft'),
    row('th-vp', 'so/vp/th-vp/', 'primary', 'overdue'),
    row('thpt', 'so/thpt/', 'upper-secondary', 'submitted'),
  ],
  units,
);

describe('the progress view', () => {
  it('names each school’s office: its Phòng, or the Sở for a school straight under it', () => {
    const byId = new Map(units.map((unit) => [unit.id, unit]));
    expect(officeOf('so/tp/th-sb/', byId)?.name).toBe('Phòng GDĐT Thành phố');
    expect(officeOf('so/thpt/', byId)?.name).toBe('Sở GDĐT');
    expect(officeOf('elsewhere/x/', byId)).toBeNull();
  });

  it('filters by status, kind, office and overdue, together', () => {
    expect(filterRows(rows, NO_FILTER)).toHaveLength(4);
    expect(filterRows(rows, { ...NO_FILTER, kind: 'primary' }).map((r) => r.unitId)).toEqual(['th-sb', 'th-vp']);
    expect(filterRows(rows, { ...NO_FILTER, officeId: 'tp' }).map((r) => r.unitId)).toEqual(['th-sb', 'thcs-dt']);
    expect(filterRows(rows, { ...NO_FILTER, overdueOnly: true }).map((r) => r.unitId)).toEqual(['th-vp']);
    expect(filterRows(rows, { ...NO_FILTER, kind: 'primary', officeId: 'tp', status: 'not-started' }).map((r) => r.unitId)).toEqual(['th-sb']);
    expect(filterRows(rows, { ...NO_FILTER, officeId: 'tp', overdueOnly: true })).toEqual([]);
  });

  it('lists the offices and kinds present, and counts per status', () => {
    expect(officesOf(rows).map((office) => office.id)).toEqual(['tp', 'vp', 'so']);
    expect(kindsOf(rows)).toEqual(['lower-secondary', 'primary', 'upper-secondary']);
    expect(countByStatus(rows).get('overdue')).toBe(1);
    expect(countByStatus(rows).get('recognised')).toBeUndefined();
  });
});
