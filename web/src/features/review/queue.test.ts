import { describe, expect, it } from 'vitest';
import type { Deadlines, ProgressRow, ProgressStatus } from './api.ts';
import { NO_FILTERS, countByStatus, filterRows, filtersFromQuery, isOverdue, kindsOf, opens, stagesOf, stepDeadline, vietnamToday } from './queue.ts';

const deadlines: Deadlines = { selfAssessment: '2027-01-31', reviewRequest: '2027-02-15', externalReview: '2027-03-31', recognition: '2027-05-15', publication: '2027-05-31' };

function row(unitId: string, status: ProgressStatus, unitKind = 'primary'): ProgressRow {
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
    submittedAt: null,
    updatedAt: null,
  };
}

const rows = [row('a', 'submitted', 'continuing-education'), row('b', 'draft'), row('c', 'overdue'), row('d', 'in-review'), row('e', 'accepted', 'upper-secondary'), row('f', 'not-started')];

describe('the reviewer’s queue', () => {
  it('counts today in Vietnam, seven hours ahead of UTC', () => {
    expect(vietnamToday(new Date('2027-03-31T16:59:59Z'))).toBe('2027-03-31');
    expect(vietnamToday(new Date('2027-03-31T17:00:00Z'))).toBe('2027-04-01');
  });

  it('calls a step late from the day after its deadline, per the step the row waits on', () => {
    expect(isOverdue({ status: 'submitted' }, deadlines, '2027-03-31')).toBe(false);
    expect(isOverdue({ status: 'submitted' }, deadlines, '2027-04-01')).toBe(true);
    expect(isOverdue({ status: 'in-review' }, deadlines, '2027-04-01')).toBe(true);
    expect(isOverdue({ status: 'accepted' }, deadlines, '2027-04-01')).toBe(false);
    expect(isOverdue({ status: 'accepted' }, deadlines, '2027-05-16')).toBe(true);
    expect(isOverdue({ status: 'recognised' }, deadlines, '2027-06-01')).toBe(true);
    expect(isOverdue({ status: 'published' }, deadlines, '2099-01-01')).toBe(false);
    expect(isOverdue({ status: 'overdue' }, deadlines, '2026-01-01')).toBe(true);
  });

  it('shows the deadline of the step each row waits on', () => {
    expect(stepDeadline({ status: 'draft', deadline: '2027-02-10' }, deadlines)).toBe('2027-02-10');
    expect(stepDeadline({ status: 'returned', deadline: '2027-02-10' }, deadlines)).toBe('2027-02-10');
    expect(stepDeadline({ status: 'in-review', deadline: '2027-02-10' }, deadlines)).toBe('2027-03-31');
    expect(stepDeadline({ status: 'accepted', deadline: '2027-02-10' }, deadlines)).toBe('2027-05-15');
    expect(stepDeadline({ status: 'recognised', deadline: '2027-02-10' }, deadlines)).toBe('2027-05-31');
  });

  it('filters by status, kind and lateness together, keeping the API’s order', () => {
    expect(filterRows(rows, NO_FILTERS, deadlines, '2027-01-01').map((r) => r.unitId)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(filterRows(rows, { ...NO_FILTERS, status: 'submitted' }, deadlines, '2027-01-01').map((r) => r.unitId)).toEqual(['a']);
    expect(filterRows(rows, { ...NO_FILTERS, kind: 'primary' }, deadlines, '2027-01-01').map((r) => r.unitId)).toEqual(['b', 'c', 'd', 'f']);
    expect(filterRows(rows, { ...NO_FILTERS, overdue: true }, deadlines, '2027-01-01').map((r) => r.unitId)).toEqual(['c']);
    expect(filterRows(rows, { ...NO_FILTERS, overdue: true }, deadlines, '2027-04-02').map((r) => r.unitId)).toEqual(['a', 'c', 'd']);
    expect(filterRows(rows, { status: 'in-review', kind: 'primary', overdue: true }, deadlines, '2027-04-02').map((r) => r.unitId)).toEqual(['d']);
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
