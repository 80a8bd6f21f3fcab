import { describe, expect, it } from 'vitest';
import { parseDefinition } from '../definition/parse.ts';
import type { Definition } from '../definition/schema.ts';
import { edited } from '../lint/small-definition.fixture.ts';
import { formatPath } from '../problem.ts';
import { national4725 } from '../sets/index.ts';
import { diffDefinitions } from './diff.ts';

function copy(definition: Definition): Definition {
  return JSON.parse(JSON.stringify(definition)) as Definition;
}

function definitionOf(input: unknown): Definition {
  const parsed = parseDefinition(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.definition;
}

function criterion(definition: Definition, id: string) {
  const found = definition.groups.flatMap((group) => group.criteria).find((item) => item.id === id);
  if (!found) throw new Error(`no criterion ${id}`);
  return found;
}

describe('diffDefinitions on the national set', () => {
  it('finds nothing between a set and its copy', () => {
    expect(diffDefinitions(national4725, copy(national4725))).toEqual({ identical: true, entries: [] });
  });

  it('lists a changed band, an added and a removed indicator, and a changed cap', () => {
    const changed = copy(national4725);
    const c14 = criterion(changed, '1.4');
    if (c14.kind !== 'scored') throw new Error('1.4 is scored');
    c14.bands = [
      { level: 1, max: 4, minInclusive: true, maxInclusive: false },
      { level: 2, min: 4, max: 7, minInclusive: true, maxInclusive: true },
      { level: 3, min: 7, minInclusive: false, maxInclusive: false },
    ];
    const c13 = criterion(changed, '1.3');
    c13.indicators[0]!.cap = { if: [{ var: 'live_teaching_deployed' }, 5, 0] };
    criterion(changed, '1.7').indicators.push({
      id: '1.7d',
      title: { vi: 'Mạng không dây miễn phí', en: 'Free wifi' },
      fields: [],
      max: 0,
      scoring: 'awarded',
      validations: [],
    });
    const c24 = criterion(changed, '2.4');
    c24.indicators = c24.indicators.filter((indicator) => indicator.id !== '2.4c');

    const diff = diffDefinitions(national4725, changed);
    expect(diff.identical).toBe(false);
    expect(diff.entries.map((e) => [e.change, e.item, e.id, formatPath(e.path), e.changes.map((c) => c.property)])).toEqual([
      ['changed', 'indicator', '1.3a', 'groups[0].criteria[2].indicators[0]', ['cap']],
      ['changed', 'criterion', '1.4', 'groups[0].criteria[3]', ['bands']],
      ['added', 'indicator', '1.7d', 'groups[0].criteria[6].indicators[3]', []],
      ['removed', 'indicator', '2.4c', 'groups[1].criteria[3].indicators[2]', []],
    ]);
    const cap = diff.entries[0]!.changes[0]!;
    expect(cap.before).toEqual({ if: [{ var: 'live_teaching_deployed' }, 6, 0] });
    expect(cap.after).toEqual({ if: [{ var: 'live_teaching_deployed' }, 5, 0] });
    expect(diff.entries[1]!.summary.vi).toBe('Tiêu chí 1.4: các mức 1: <4, 2: [4; 6], 3: >6 → 1: <4, 2: [4; 7], 3: >7');
    expect(diff.entries[1]!.summary.en).toBe('Criterion 1.4: bands 1: <4, 2: [4; 6], 3: >6 → 1: <4, 2: [4; 7], 3: >7');
    expect(diff.entries[0]!.summary.vi).toBe('Chỉ số thành phần 1.3a: quy tắc điểm tối đa đã thay đổi');
    expect(diff.entries[2]!.summary.en).toBe('Added indicator 1.7d: Free wifi');
    expect(diff.entries[3]!.summary.vi).toMatch(/^Bỏ chỉ số thành phần 2\.4c: /);
  });

  it('reports a changed maximum with its figures', () => {
    const changed = copy(national4725);
    const c23 = criterion(changed, '2.3');
    c23.indicators.find((indicator) => indicator.id === '2.3f')!.max = 6;
    const [entry] = diffDefinitions(national4725, changed).entries;
    expect(entry?.changes).toEqual([{ property: 'max', path: ['groups', 1, 'criteria', 2, 'indicators', 5, 'max'], before: 10, after: 6 }]);
    expect(entry?.summary).toEqual({ vi: 'Chỉ số thành phần 2.3f: tối đa 10 → 6', en: 'Indicator 2.3f: max 10 → 6' });
  });
});

describe('diffDefinitions on small sets', () => {
  const base = definitionOf(edited([]));

  it('reports set-level changes: title, legal basis, applies-to, overall rule, levels', () => {
    const other = definitionOf(
      edited([
        [['title'], { vi: 'Bộ chỉ số mới' }],
        [['legalBasis', 'decision'], '2/QĐ-TEST'],
        [['appliesTo'], ['primary', 'lower-secondary']],
        [['overall'], { rule: { var: 'totalLevel' }, totalBands: [{ level: 1, max: 5 }, { level: 3, min: 5 }] }],
        [['levels', 2, 'label'], { vi: 'Mức 3: tốt' }],
      ]),
    );
    const diff = diffDefinitions(base, other);
    expect(diff.entries.map((e) => [e.item, e.id, e.changes.map((c) => c.property)])).toEqual([
      ['set', 'test', ['title', 'legalBasis', 'appliesTo', 'overall.rule', 'overall.totalBands']],
      ['level', '3', ['label']],
    ]);
    expect(diff.entries[0]!.summary.vi).toContain('đối tượng áp dụng primary → primary, lower-secondary');
  });

  it('reports group bands, evidence slots, fields and options item by item', () => {
    const other = definitionOf(
      edited([
        [['groups', 0, 'bands', 0, 'max'], 4],
        [['groups', 0, 'bands', 1, 'min'], 4],
        [['groups', 0, 'criteria', 0, 'evidence', 0, 'required'], true],
        [['groups', 0, 'criteria', 0, 'evidence', 1], { id: 'portal', kind: 'link', label: { vi: 'Đường link cổng thông tin' } }],
        [['groups', 0, 'criteria', 1, 'indicators', 1, 'fields', 1, 'options', 1], { value: 'lms', label: { vi: 'LMS' } }],
        [['groups', 0, 'criteria', 1, 'indicators', 1, 'fields', 0, 'label'], { vi: 'Số học liệu được số hóa' }],
      ]),
    );
    const diff = diffDefinitions(base, other);
    expect(diff.entries.map((e) => [e.change, e.item, e.id, formatPath(e.path)])).toEqual([
      ['changed', 'group', '1', 'groups[0]'],
      ['changed', 'evidence', 'plan-doc', 'groups[0].criteria[0].evidence[0]'],
      ['added', 'evidence', 'portal', 'groups[0].criteria[0].evidence[1]'],
      ['changed', 'field', 'materials', 'groups[0].criteria[1].indicators[1].fields[0]'],
      ['removed', 'option', 'slides', 'groups[0].criteria[1].indicators[1].fields[1].options[1]'],
      ['added', 'option', 'lms', 'groups[0].criteria[1].indicators[1].fields[1].options[1]'],
    ]);
  });

  it('reports an indicator moved to another criterion as a change, not a removal and an addition', () => {
    const input = edited([]) as { groups: Array<{ criteria: Array<{ indicators: unknown[] }> }> };
    const moved = input.groups[0]!.criteria[1]!.indicators.pop();
    input.groups[0]!.criteria[0]!.indicators.push(moved);
    const diff = diffDefinitions(base, definitionOf(input));
    expect(diff.entries.map((e) => [e.change, e.id, e.changes.map((c) => [c.property, c.before, c.after])])).toEqual([
      ['changed', '1.2b', [['criterion', '1.2', '1.1']]],
    ]);
  });

  it('reports a new criterion once, without its indicators apart', () => {
    const input = edited([]) as { groups: Array<{ criteria: Array<{ id: string; indicators: Array<{ id: string; fields: Array<{ id: string }> }> }> }> };
    const added = JSON.parse(JSON.stringify(input.groups[0]!.criteria[1])) as (typeof input.groups)[0]['criteria'][0];
    added.id = '1.3';
    added.indicators.forEach((indicator, i) => {
      indicator.id = `1.3${'ab'[i]}`;
      indicator.fields.forEach((field) => (field.id = `${field.id}_2`));
    });
    input.groups[0]!.criteria.push(added);
    const diff = diffDefinitions(base, definitionOf(input));
    expect(diff.entries.map((e) => [e.change, e.item, e.id])).toEqual([['added', 'criterion', '1.3']]);
  });

  it('reports a reordering of criteria', () => {
    const input = edited([]) as { groups: Array<{ criteria: unknown[] }> };
    input.groups[0]!.criteria.reverse();
    const diff = diffDefinitions(base, definitionOf(input));
    expect(diff.entries.map((e) => [e.item, e.changes.map((c) => [c.property, c.before, c.after])])).toEqual([
      ['group', [['criteriaOrder', ['1.1', '1.2'], ['1.2', '1.1']]]],
    ]);
  });
});
