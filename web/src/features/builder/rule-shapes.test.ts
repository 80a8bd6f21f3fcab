import type { Rule } from '@chiso/criteria';
import { haiPhong4725, national4725 } from '@chiso/criteria/sets';
import { describe, expect, it } from 'vitest';
import { describeShape, recognise, startShape, toRule } from './rule-shapes.ts';

const caps = (definition: typeof national4725): [string, Rule][] =>
  definition.groups.flatMap((group) =>
    group.criteria.flatMap((criterion) => criterion.indicators.flatMap((indicator): [string, Rule][] => (indicator.cap === undefined ? [] : [[indicator.id, indicator.cap]]))),
  );

describe('rule shapes', () => {
  it('reads the bands of 1.4a (a count) and of 1.6a (a ratio’s percentage)', () => {
    const rules = new Map(caps(national4725));
    expect(recognise(rules.get('1.4a'))).toEqual({
      kind: 'bands',
      variable: 'digital_materials',
      steps: [
        { op: '<', limit: 20, points: 3 },
        { op: '<', limit: 40, points: 6 },
      ],
      otherwise: 10,
    });
    expect(recognise(rules.get('1.6a'))).toMatchObject({ kind: 'bands', variable: 'teachers_online_training.percent', steps: [{ op: '<' }, { op: '<=' }] });
  });

  it('reads option → points (2.3c) and yes → points (1.5a)', () => {
    const rules = new Map(caps(national4725));
    expect(recognise(rules.get('2.3c'))).toEqual({ kind: 'options', variable: 'gradebook', cases: [{ value: 'signed', points: 10 }, { value: 'pdf', points: 3 }], otherwise: 0 });
    expect(recognise(rules.get('1.5a'))).toEqual({ kind: 'yes', variable: 'computer_testing_deployed', points: 15, otherwise: 0 });
  });

  it('round-trips every cap it recognises in the national and Hải Phòng sets, byte for byte', () => {
    let recognised = 0;
    for (const [id, rule] of [...caps(national4725), ...caps(haiPhong4725)]) {
      const shape = recognise(rule);
      if (shape === undefined) continue;
      recognised += 1;
      expect(toRule(shape), id).toEqual(rule);
      expect(recognise(toRule(shape)), id).toEqual(shape);
    }
    expect(recognised).toBeGreaterThan(20);
  });

  it('structured → JSON-logic → structured gives the same shape', () => {
    for (const kind of ['yes', 'bands', 'options'] as const) {
      const shape = startShape(kind, 'x', 10);
      if (shape.kind === 'options') shape.cases.push({ value: 'a', points: 4 });
      expect(recognise(toRule(shape))).toEqual(shape);
    }
  });

  it('leaves every other rule to the JSON-logic view', () => {
    const rules = new Map(caps(national4725));
    expect(recognise(rules.get('1.3b'))).toBeUndefined(); // a sum over a multiple choice
    expect(recognise(rules.get('2.3a'))).toBeUndefined(); // two conditions joined by and
    for (const rule of [
      undefined,
      6,
      { var: 'x' },
      { if: [{ var: 'x' }, 6] },
      { if: [{ var: 'x' }, { var: 'y' }, 0] },
      { if: [{ '<': [{ var: 'x' }, 20] }, 3, { '<': [{ var: 'y' }, 40] }, 6, 10] },
      { if: [{ '>': [{ var: 'x' }, 20] }, 3, 0] },
      { if: [{ '==': [{ var: 'x' }, 1] }, 3, 0] },
      { if: [{ '<': [{ var: 'x' }, 20] }, 3, { '==': [{ var: 'x' }, 'a'] }, 6, 10] },
      { if: [{ var: ['x', 0] }, 3, 0] },
    ] as (Rule | undefined)[])
      expect(recognise(rule), JSON.stringify(rule)).toBeUndefined();
  });

  it('reads a shape as people do, in both languages', () => {
    const rules = new Map(caps(national4725));
    const bands = recognise(rules.get('1.4a'));
    if (bands === undefined) throw new Error('1.4a has no shape');
    expect(describeShape(bands, 'vi')).toBe('digital_materials: dưới 20 → 3; dưới 40 → 6; còn lại → 10');
    expect(describeShape({ kind: 'yes', variable: 'studio_room', points: 5, otherwise: 0 }, 'en')).toBe('studio_room: yes → 5; no → 0');
    expect(describeShape({ kind: 'options', variable: 'gradebook', cases: [{ value: 'pdf', points: 3 }], otherwise: 0 }, 'vi')).toBe('gradebook: «pdf» → 3; còn lại → 0');
  });
});
