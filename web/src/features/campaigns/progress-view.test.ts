import { describe, expect, it } from 'vitest';
import type { OfficeRef, ProgressRow } from './api.ts';
import { reasonProblem } from './extension-reason.ts';
import { NO_FILTER, countByStatus, filterRows, kindsOf, officesOf } from './progress-view.ts';

const so: OfficeRef = { id: 'so', name: 'Sở GDĐT' };
const tp: OfficeRef = { id: 'tp', name: 'Phòng GDĐT Thành phố' };
const vp: OfficeRef = { id: 'vp', name: 'Phòng GDĐT Vân Phong' };

// Each row names its office as the API gives it: the school's Phòng, or the Sở for a school straight under it.
const row = (unitId: string, office: OfficeRef | null, unitKind: string, status: ProgressRow['status']): ProgressRow => ({
  unitId,
  unitName: unitId,
  unitKind,
  unitPath: `so/${office?.id === 'so' ? '' : `${office?.id ?? 'x'}/`}${unitId}/`,
  office,
  status,
  criteria: { setKey: '4725', number: 1 },
  score: null,
  levels: { self: null, review: null, recognised: null },
  deadline: '2026-01-31',
  nextDeadline: { step: 'selfAssessment', applies: '2026-01-31', passed: false },
  submittedAt: null,
  updatedAt: null,
});

const rows = [
  row('th-sb', tp, 'primary', 'not-started'),
  row('thcs-dt', tp, 'lower-secondary', 'draft'),
  row('th-vp', vp, 'primary', 'overdue'),
  row('thpt', so, 'upper-secondary', 'submitted'),
];

describe('the progress view', () => {
  it('filters by status, kind, office and overdue, together', () => {
    expect(filterRows(rows, NO_FILTER)).toHaveLength(4);
    expect(filterRows(rows, { ...NO_FILTER, kind: 'primary' }).map((r) => r.unitId)).toEqual(['th-sb', 'th-vp']);
    expect(filterRows(rows, { ...NO_FILTER, officeId: 'tp' }).map((r) => r.unitId)).toEqual(['th-sb', 'thcs-dt']);
    expect(filterRows(rows, { ...NO_FILTER, officeId: 'so' }).map((r) => r.unitId)).toEqual(['thpt']);
    expect(filterRows(rows, { ...NO_FILTER, overdueOnly: true }).map((r) => r.unitId)).toEqual(['th-vp']);
    expect(filterRows(rows, { ...NO_FILTER, kind: 'primary', officeId: 'tp', status: 'not-started' }).map((r) => r.unitId)).toEqual(['th-sb']);
    expect(filterRows(rows, { ...NO_FILTER, officeId: 'tp', overdueOnly: true })).toEqual([]);
  });

  it('lists the offices and kinds present, and counts per status', () => {
    expect(officesOf(rows).map((office) => office.id)).toEqual(['tp', 'vp', 'so']);
    expect(officesOf([...rows, row('lost', null, 'primary', 'draft')])).toHaveLength(3);
    expect(kindsOf(rows)).toEqual(['lower-secondary', 'primary', 'upper-secondary']);
    expect(countByStatus(rows).get('overdue')).toBe(1);
    expect(countByStatus(rows).get('recognised')).toBeUndefined();
  });
});

describe('the reason of an extension', () => {
  it('needs 3 to 500 characters once trimmed, as the API does', () => {
    expect(reasonProblem('  ab ')).toMatch(/ít nhất 3|at least 3/);
    expect(reasonProblem('x'.repeat(501))).toMatch(/500/);
    expect(reasonProblem(' Bão số 3 ')).toBeNull();
  });
});
