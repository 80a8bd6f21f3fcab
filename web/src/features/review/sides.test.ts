import { national4725, seed003Example } from '@chiso/criteria/sets';
import { scoreSubmission } from '@chiso/criteria';
import { describe, expect, it } from 'vitest';
import { readAward, reviewPatch, reviewerScore, totalsRows, typedAwards, typedFrom } from './sides.ts';

const school = { answers: seed003Example.answers, awards: seed003Example.awards, evidence: {} };
const points = (score: { groups: { points: number }[] }) => score.groups.map((group) => group.points);

describe('the reviewer’s points beside the school’s', () => {
  it('reads typed points: decimals with a comma or a dot, text kept for the core to refuse', () => {
    expect(readAward('')).toBeNull();
    expect(readAward(' 5 ')).toBe(5);
    expect(readAward('2,5')).toBe(2.5);
    expect(readAward('2.5')).toBe(2.5);
    expect(readAward('abc')).toBe('abc');
    expect(readAward('1e3')).toBe('1e3');
  });

  it('scores seed 003 as the school did when the reviewer typed nothing: 84 / 94, level 3', () => {
    const score = reviewerScore(national4725, school, { awards: {}, comments: {} });
    expect(points(score)).toEqual([84, 94]);
    expect(score.overallLevel).toBe(3);
  });

  it('counts the reviewer’s point where typed and the school’s elsewhere, live, by the core', () => {
    const score = reviewerScore(national4725, school, { awards: { '1.6a': '5' }, comments: {} });
    expect(points(score)).toEqual([82, 94]);
    // Same as the core on the merged awards: nothing re-implemented.
    expect(score.total).toBe(scoreSubmission(national4725, school.answers, { ...school.awards, '1.6a': 5 }).total);
  });

  it('lets the core refuse points above the cap, with the indicator’s path', () => {
    const score = reviewerScore(national4725, school, { awards: { '1.6a': '999' }, comments: {} });
    expect(score.invalid.some((problem) => problem.path[0] === 'awards' && problem.path[1] === '1.6a')).toBe(true);
    expect(typedAwards({ awards: { '1.6a': 'x', '1.3a': '', '1.4a': '2' }, comments: {} })).toEqual({ '1.6a': 'x', '1.4a': 2 });
  });

  it('sends only what changed since the saved review, null to remove, nothing when nothing changed', () => {
    const saved = { awards: { '1.6a': 5, '1.7a': 3 }, comments: { '1.6': 'Thiếu biên bản' } };
    expect(reviewPatch(saved, typedFrom(saved), 4)).toBeNull();
    expect(reviewPatch(saved, { awards: { '1.6a': '5', '1.7a': '', '2.3a': '1' }, comments: { '1.6': '  ', '1.3': ' Tốt ' } }, 4)).toEqual({
      version: 4,
      awards: { '1.7a': null, '2.3a': 1 },
      comments: { '1.6': null, '1.3': 'Tốt' },
    });
    // Unreadable points are not sent: the screen shows the core's message instead.
    expect(reviewPatch(saved, { awards: { '1.6a': 'abc', '1.7a': '3' }, comments: saved.comments }, 4)).toBeNull();
  });

  it('puts each group and the whole unit side by side, marking where they differ', () => {
    const schoolScore = scoreSubmission(national4725, school.answers, school.awards);
    const reviewer = reviewerScore(national4725, school, { awards: { '1.6a': '5' }, comments: {} });
    const rows = totalsRows(schoolScore, reviewer);
    expect(rows.map((row) => row.id)).toEqual(['1', '2', 'overall']);
    expect(rows[0]).toMatchObject({ kind: 'group', school: { points: 84, level: 3 }, reviewer: { points: 82, level: 3 }, differs: true });
    expect(rows[1]?.differs).toBe(false);
    expect(rows[2]).toMatchObject({ kind: 'overall', school: { points: 178, max: 200 }, reviewer: { points: 176 }, differs: true });
  });
});
