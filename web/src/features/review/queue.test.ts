import { describe, expect, it } from 'vitest';
import type { Deadlines, ProgressRow, ProgressStatus } from './api.ts';
import { NO_FILTERS, countByStatus, filterRows, filtersFromQuery, isOverdue, kindsOf, opens, stagesOf, stepDeadline, vietnamToday } from './queue.ts';

const deadlines: Deadlines = { selfAssessment: '2027-01-31', reviewRequest: '2027-02-15', externalReview: '2027-03-31', recognition: '2027-05-15', publication: '2027-05-31' };

/** A row as the API gives it: `late` rows wait on a step whose deadline has passed. */
function row(unitId: string, status: ProgressStatus, unitKind = 'primary', late = false): ProgressRow {
  return {
    unitId,
    unitName: `Trường ${unitId}`,
    unitKind,
    unitPath: `so/${unitId}/`,
    office: null,
    status,
    criteria: { setKey: '4725', number: 1 },
    score: null,
    levels: { self: null, review: null, recognised: null },
    deadline: deadlines.selfAssessment,
    nextDeadline: status === 'published' ? null : { step: 'externalReview', applies: deadlines.externalReview, passed: late },
    submittedAt: null,
    updatedAt: null,
  };
}

const rows = [row('a', 'submitted', 'continuing-education', true), row('b', 'draft'), row('c', 'overdue'), row('d', 'in-review', 'primary', true), row('e', 'accepted', 'upper-secondary'), row('f', 'not-started')];

describe('the reviewer’s queue', () => {
  it('counts today in Vietnam, seven hours ahead of UTC', () => {
    expect(vietnamToday(new Date('2027-03-31T16:59:59Z'))).toBe('2027-03-31');
    expect(vietnamToday(new Date('2027-03-31T17:00:00Z'))).toBe('2027-04-01');
  });

  it('calls a row late when the API says its awaited step’s deadline passed, or the school is overdue', () => {
    expect(isOverdue(row('a', 'submitted'))).toBe(false);
    expect(isOverdue(row('a', 'submitted', 'primary', true))).toBe(true);
    expect(isOverdue(row('a', 'overdue'))).toBe(true);
    expect(isOverdue(row('a', 'published'))).toBe(false);
  });

  it('shows the deadline of the step each row waits on, extension included, and none once published', () => {
    expect(stepDeadline({ nextDeadline: { step: 'externalReview', applies: '2027-04-10', passed: false } })).toBe('2027-04-10');
    expect(stepDeadline({ nextDeadline: null })).toBe('—');
  });

  it('filters by status, kind and lateness together, keeping the API’s order', () => {
    expect(filterRows(rows, NO_FILTERS).map((r) => r.unitId)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(filterRows(rows, { ...NO_FILTERS, status: 'submitted' }).map((r) => r.unitId)).toEqual(['a']);
    expect(filterRows(rows, { ...NO_FILTERS, kind: 'primary' }).map((r) => r.unitId)).toEqual(['b', 'c', 'd', 'f']);
    expect(filterRows(rows, { ...NO_FILTERS, overdue: true }).map((r) => r.unitId)).toEqual(['a', 'c', 'd']);
    expect(filterRows(rows, { status: 'in-review', kind: 'primary', overdue: true }).map((r) => r.unitId)).toEqual(['d']);
  });

  it('counts every status, zeros included, and lists each kind once', () => {
    const counts = countByStatus(rows);
    expect(counts.submitted).toBe(1);
    expect(counts.returned).toBe(0);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(rows.length);
    expect(kindsOf(rows)).toEqual(['continuing-education', 'primary', 'upper-secondary']);
  });

  it('opens rows that have a submission only', () => {
    expect(opens({ status: 'not-started' })).toBe(false);
    expect(opens({ status: 'draft' })).toBe(true);
  });

  it('reads filters back from the address, ignoring what it does not know', () => {
    expect(filtersFromQuery({ status: 'submitted', kind: 'primary', overdue: '1' })).toEqual({ status: 'submitted', kind: 'primary', overdue: true });
    expect(filtersFromQuery({ status: 'nonsense' })).toEqual(NO_FILTERS);
    expect(filtersFromQuery({ status: ['returned', 'draft'] }).status).toBe('returned');
  });

  it('shows the school’s levels and the reviewer’s (the recognised ones once there)', () => {
    const self = { total: 178, overallLevel: 3, groups: [{ id: '1', points: 84, level: 3 }, { id: '2', points: 94, level: 3 }] };
    const review = { ...self, total: 176, groups: [{ id: '1', points: 82, level: 3 }, { id: '2', points: 94, level: 3 }] };
    expect(stagesOf({ ...row('a', 'submitted'), score: self, levels: { self, review: null, recognised: null } })).toEqual({ self, review: null });
    expect(stagesOf({ ...row('a', 'in-review'), score: self, levels: { self, review, recognised: null } })).toEqual({ self, review });
    const recognised = { ...review, overallLevel: 2, decision: { number: '12/QĐ-SGDĐT', date: '2027-05-01' } };
    expect(stagesOf({ ...row('a', 'recognised'), score: self, levels: { self, review, recognised } }).review).toBe(recognised);
  });
});
