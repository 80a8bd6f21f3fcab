import { describe, expect, it } from 'vitest';
import { applyUnsent, baseOf, chooseAll, conflictKey, findConflicts, resolveConflicts, sameValue } from './merge.ts';

const base = { answers: { digital_materials: 40, lms_deployed: true, teachers_using_tools: { numerator: 10, denominator: 20 } }, awards: { '1.4a': 8, '1.3a': 6 } };

describe('merging unsaved changes with a newer server version', () => {
  it('keeps my change where the server did not touch the value, and takes theirs everywhere else', () => {
    const theirs = { answers: { ...base.answers, studio_room: true }, awards: { ...base.awards, '1.3a': 5 } };
    const { conflicts, kept } = findConflicts(base, { answers: { digital_materials: 45 }, awards: { '1.4a': 10 } }, theirs);
    expect(conflicts).toEqual([]);
    expect(kept).toEqual({ answers: { digital_materials: 45 }, awards: { '1.4a': 10 } });
    const { values, toSend } = resolveConflicts(theirs, kept, conflicts, new Map());
    expect(values.answers).toMatchObject({ digital_materials: 45, studio_room: true });
    expect(values.awards).toEqual({ '1.4a': 10, '1.3a': 5 });
    expect(toSend).toEqual(kept);
  });

  it('reports a value both changed differently, with both values, and drops a change the server already has', () => {
    const theirs = { answers: { ...base.answers, digital_materials: 50, lms_deployed: false }, awards: base.awards };
    const { conflicts, kept } = findConflicts(base, { answers: { digital_materials: 45, lms_deployed: false }, awards: {} }, theirs);
    expect(conflicts).toEqual([{ kind: 'answer', id: 'digital_materials', mine: 45, theirs: 50 }]);
    expect(kept).toEqual({ answers: {}, awards: {} });
  });

  it('sees a removal on either side as a change, and compares objects whatever the order of their keys', () => {
    const theirs = { answers: { ...base.answers, teachers_using_tools: { denominator: 20, numerator: 10 } }, awards: { '1.3a': 6 } };
    const { conflicts, kept } = findConflicts(base, { answers: { teachers_using_tools: { numerator: 12, denominator: 20 } }, awards: { '1.4a': 9 } }, theirs);
    expect(kept.answers).toEqual({ teachers_using_tools: { numerator: 12, denominator: 20 } });
    expect(conflicts).toEqual([{ kind: 'award', id: '1.4a', mine: 9, theirs: null }]);
    const removed = findConflicts(base, { answers: { digital_materials: null }, awards: {} }, { answers: { ...base.answers, digital_materials: 41 }, awards: base.awards });
    expect(removed.conflicts).toEqual([{ kind: 'answer', id: 'digital_materials', mine: null, theirs: 41 }]);
  });

  it('applies the choices per field: mine is sent, theirs is shown and not sent; no choice keeps mine', () => {
    const theirs = { answers: { digital_materials: 50, lms_deployed: false }, awards: { '1.4a': 6 } };
    const { conflicts, kept } = findConflicts(base, { answers: { digital_materials: 45, lms_deployed: true }, awards: { '1.4a': 10 } }, theirs);
    expect(conflicts.map(conflictKey)).toEqual(['answer:digital_materials', 'answer:lms_deployed', 'award:1.4a']);
    const choices = new Map([
      ['answer:digital_materials', 'theirs' as const],
      ['award:1.4a', 'mine' as const],
    ]);
    const { values, toSend } = resolveConflicts(theirs, kept, conflicts, choices);
    expect(values).toEqual({ answers: { digital_materials: 50, lms_deployed: true }, awards: { '1.4a': 10 } });
    expect(toSend).toEqual({ answers: { lms_deployed: true }, awards: { '1.4a': 10 } });
  });

  it('"keep all mine" and "take all theirs" cover every conflict', () => {
    const theirs = { answers: { digital_materials: 50 }, awards: { '1.4a': 6 } };
    const { conflicts, kept } = findConflicts(base, { answers: { digital_materials: 45 }, awards: { '1.4a': 10 } }, theirs);
    expect(resolveConflicts(theirs, kept, conflicts, chooseAll(conflicts, 'mine')).toSend).toEqual({ answers: { digital_materials: 45 }, awards: { '1.4a': 10 } });
    const taken = resolveConflicts(theirs, kept, conflicts, chooseAll(conflicts, 'theirs'));
    expect(taken.toSend).toEqual({ answers: {}, awards: {} });
    expect(taken.values).toEqual(theirs);
  });

  it('removes with null, and keeps the base of the changed keys only', () => {
    expect(applyUnsent(base, { answers: { lms_deployed: null }, awards: { '1.3a': null } })).toEqual({
      answers: { digital_materials: 40, teachers_using_tools: { numerator: 10, denominator: 20 } },
      awards: { '1.4a': 8 },
    });
    expect(baseOf(base, { answers: { digital_materials: 1, studio_room: true }, awards: { '1.4a': 2 } })).toEqual({ answers: { digital_materials: 40 }, awards: { '1.4a': 8 } });
    expect(sameValue(undefined, null)).toBe(true);
    expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(false);
  });
});
