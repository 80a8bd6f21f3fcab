import jsonLogic from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { parseDefinition } from '../definition/parse.ts';
import { validateDefinition } from '../lint/index.ts';
import type { Field } from '../definition/field.ts';
import type { JsonValue } from '../definition/rule.ts';
import type { Criterion, Definition, Indicator } from '../definition/schema.ts';
import haiPhongData from './haiphong-4725-2023.json' with { type: 'json' };
import nationalData from './national-4725.json' with { type: 'json' };
import { BUILT_IN_SETS, findBuiltInSet, haiPhong4725, national4725, seed003Example } from './index.ts';

// ---- helpers: walk a set, and build the rule context the way the scoring engine describes it ----

const criteriaOf = (set: Definition): Criterion[] => set.groups.flatMap((g) => g.criteria);
const indicatorsOf = (set: Definition): Indicator[] => criteriaOf(set).flatMap((c) => c.indicators);
const fieldsOf = (set: Definition): Field[] => indicatorsOf(set).flatMap((i) => i.fields);

function criterion(set: Definition, id: string): Criterion {
  const found = criteriaOf(set).find((c) => c.id === id);
  if (!found) throw new Error(`no criterion ${id}`);
  return found;
}
function indicator(set: Definition, id: string): Indicator {
  const found = indicatorsOf(set).find((i) => i.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
}

const truthy = (rule: JsonValue, context: Record<string, unknown>): boolean =>
  jsonLogic.truthy(jsonLogic.apply(rule as jsonLogic.RulesLogic, context));

/** An answer as a rule sees it: a ratio gains its percent; anything not answered is null. */
function contextValue(field: Field, answer: unknown): unknown {
  if (answer === undefined || answer === null || answer === '') return null;
  if (field.kind === 'ratio' && typeof answer === 'object') {
    const { numerator, denominator } = answer as { numerator: number; denominator: number };
    return { numerator, denominator, percent: (numerator * 100) / denominator };
  }
  return answer;
}

/** Every field id → its answer, or null when unanswered or not relevant (skip logic applied to a fixed point). */
function ruleContext(set: Definition, answers: Record<string, unknown>): Record<string, unknown> {
  const fields = fieldsOf(set);
  let context: Record<string, unknown> = {};
  for (const f of fields) context[f.id] = contextValue(f, answers[f.id]);
  for (let round = 0; round <= fields.length; round++) {
    const next: Record<string, unknown> = {};
    for (const f of fields) {
      const relevant = f.relevantWhen === undefined || truthy(f.relevantWhen, context);
      next[f.id] = relevant ? contextValue(f, answers[f.id]) : null;
    }
    if (JSON.stringify(next) === JSON.stringify(context)) return context;
    context = next;
  }
  throw new Error('relevance does not settle');
}

/** The cap: 0 until every relevant required field is answered; then the cap rule, or the max. */
function capOf(ind: Indicator, context: Record<string, unknown>): number {
  const unanswered = ind.fields.some(
    (f) => f.required && (f.relevantWhen === undefined || truthy(f.relevantWhen, context)) && context[f.id] === null,
  );
  if (unanswered) return 0;
  if (ind.cap === undefined) return ind.max;
  const cap: unknown = jsonLogic.apply(ind.cap as jsonLogic.RulesLogic, context);
  if (typeof cap !== 'number') throw new Error(`the cap of ${ind.id} is not a number: ${String(cap)}`);
  return cap;
}

/** Field ids (first path step) and operations a rule uses. */
function ruleUses(rule: JsonValue, vars: Set<string>, ops: Set<string>): void {
  if (Array.isArray(rule)) rule.forEach((r) => ruleUses(r, vars, ops));
  else if (typeof rule === 'object' && rule !== null) {
    for (const [op, args] of Object.entries(rule)) {
      ops.add(op);
      if (op === 'var' && typeof args === 'string') vars.add(args.split('.')[0] ?? args);
      else ruleUses(args, vars, ops);
    }
  }
}

/** Every rule of a set, with where it sits. */
function rulesOf(set: Definition): { where: string; rule: JsonValue }[] {
  const rules: { where: string; rule: JsonValue }[] = [];
  for (const c of criteriaOf(set)) {
    if (c.kind === 'mandatory') rules.push({ where: `${c.id} condition`, rule: c.condition });
    for (const i of c.indicators) {
      if (i.cap !== undefined) rules.push({ where: `${i.id} cap`, rule: i.cap });
      if (i.relevantWhen !== undefined) rules.push({ where: `${i.id} relevantWhen`, rule: i.relevantWhen });
      i.validations.forEach((v, n) => rules.push({ where: `${i.id} validation ${n}`, rule: v.rule }));
      for (const f of i.fields) if (f.relevantWhen !== undefined) rules.push({ where: `${f.id} relevantWhen`, rule: f.relevantWhen });
    }
  }
  return rules;
}

const ALLOWED_OPERATIONS = new Set(['var', 'if', '==', '===', '!=', '!', '!!', 'and', 'or', '<', '<=', '>', '>=', '+', '-', '*', 'min', 'max', 'in', 'reduce']);

/** Paths of the leaves where two JSON values differ. */
function differences(a: unknown, b: unknown, path = ''): string[] {
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) =>
      differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k),
    );
  }
  return Object.is(a, b) ? [] : [path];
}

// ---- the sets ----

describe.each([
  { file: 'national-4725.json', data: nationalData as unknown, set: national4725 },
  { file: 'haiphong-4725-2023.json', data: haiPhongData as unknown, set: haiPhong4725 },
])('the built-in set $file', ({ data, set }) => {
  it('matches the definition schema, and is exported parsed with its defaults', () => {
    const parsed = parseDefinition(data);
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
    expect(parsed.ok && parsed.definition).toEqual(set);
  });

  it('passes the definition checks a province’s own set must pass to be published', () => {
    expect(validateDefinition(data).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('has two groups of 100 whose criterion maxima add up to 100', () => {
    expect(set.groups.map((g) => g.max)).toEqual([100, 100]);
    for (const g of set.groups) {
      const sum = g.criteria.reduce((total, c) => total + (c.kind === 'scored' ? c.max : 0), 0);
      expect(sum, `group ${g.id}`).toBe(g.max);
    }
  });

  it('has indicator maxima that add up to each scored criterion max, and 0 in mandatory conditions', () => {
    for (const c of criteriaOf(set)) {
      const sum = c.indicators.reduce((total, i) => total + i.max, 0);
      expect(sum, `criterion ${c.id}`).toBe(c.kind === 'scored' ? c.max : 0);
    }
  });

  it('has unique field ids, indicator ids, criterion ids and evidence slot ids', () => {
    const unique = (ids: string[]) => expect(ids.filter((id, n) => ids.indexOf(id) !== n)).toEqual([]);
    unique(fieldsOf(set).map((f) => f.id));
    unique(indicatorsOf(set).map((i) => i.id));
    unique([...set.groups.map((g) => `group ${g.id}`), ...criteriaOf(set).map((c) => c.id), ...indicatorsOf(set).map((i) => i.id)]);
    for (const c of criteriaOf(set)) unique(c.evidence.map((e) => `${c.id}/${e.id}`));
  });

  it('has rules that name only its own fields and use only the allowed operations', () => {
    const fieldIds = new Set(fieldsOf(set).map((f) => f.id));
    for (const { where, rule } of rulesOf(set)) {
      const vars = new Set<string>();
      const ops = new Set<string>();
      ruleUses(rule, vars, ops);
      expect([...vars].filter((v) => !fieldIds.has(v)), where).toEqual([]);
      expect([...ops].filter((op) => !ALLOWED_OPERATIONS.has(op)), where).toEqual([]);
    }
  });

  it('asks a reference and a required document or link for every mandatory condition, and says why it is unmet', () => {
    const mandatory = criteriaOf(set).filter((c) => c.kind === 'mandatory');
    expect(mandatory.map((c) => c.id)).toEqual(['1.1', '1.2', '2.1', '2.2']);
    for (const c of mandatory) {
      expect(c.evidence.some((e) => e.required && (e.kind === 'document' || e.kind === 'link')), c.id).toBe(true);
      expect(c.unmetMessage?.en, c.id).toBeTruthy();
      expect(truthy(c.condition, ruleContext(set, {})), `${c.id} with no answers`).toBe(false);
      expect(c.indicators.every((i) => i.cap === undefined && i.max === 0), c.id).toBe(true);
    }
  });

  it('gives every text a person reads an English twin', () => {
    const missing: string[] = [];
    const walk = (value: unknown, path: string): void => {
      if (Array.isArray(value)) value.forEach((v, n) => walk(v, `${path}[${n}]`));
      else if (typeof value === 'object' && value !== null) {
        if ('vi' in value && !('en' in value)) missing.push(path);
        for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
      }
    };
    walk(set, '$');
    expect(missing).toEqual([]);
  });

  it('is found by its set key', () => {
    expect(findBuiltInSet(set.setKey)).toEqual(set);
  });
});

describe('the built-in sets', () => {
  it('are the national set and Hải Phòng’s, parsed', () => {
    expect(BUILT_IN_SETS.map((s) => `${s.setKey}@${s.version}`)).toEqual(['4725@2022.1', 'hp-4725@2023.1']);
    expect(findBuiltInSet('unknown')).toBeUndefined();
  });

  it('national 4725 has the bands of the decision, with 1.4 level 3 above 6', () => {
    const bands = (id: string) => {
      const c = criterion(national4725, id);
      return c.kind === 'scored' ? c.bands : [];
    };
    expect(bands('1.3')).toEqual([
      { level: 1, max: 10, minInclusive: true, maxInclusive: false },
      { level: 2, min: 10, max: 20, minInclusive: true, maxInclusive: true },
      { level: 3, min: 20, minInclusive: false, maxInclusive: false },
    ]);
    expect(bands('1.4').map((b) => [b.min, b.max])).toEqual([[undefined, 4], [4, 6], [6, undefined]]);
    expect(national4725.groups[0]?.bands.map((b) => [b.min, b.max])).toEqual([[undefined, 50], [50, 75], [75, undefined]]);
  });

  it('Hải Phòng differs from national only in its identity and the max and cap of 2.3f and 2.3h', () => {
    const identity = ['setKey', 'version', 'title', 'description', 'legalBasis', 'derivedFrom'];
    const diff = differences(national4725, haiPhong4725).filter((p) => !identity.includes(p.split('.')[0] ?? ''));
    const g = national4725.groups.findIndex((x) => x.id === '2');
    const c = national4725.groups[g]?.criteria.findIndex((x) => x.id === '2.3') ?? -1;
    const at = (id: string) => `groups.${g}.criteria.${c}.indicators.${criterion(national4725, '2.3').indicators.findIndex((i) => i.id === id)}`;
    expect(diff.sort()).toEqual([`${at('2.3f')}.cap.if.1`, `${at('2.3f')}.max`, `${at('2.3h')}.cap.if.1`, `${at('2.3h')}.max`].sort());
    expect([indicator(haiPhong4725, '2.3f').max, indicator(haiPhong4725, '2.3h').max]).toEqual([6, 10]);
    expect(haiPhong4725.derivedFrom).toEqual({ setKey: '4725', version: '2022.1' });
    expect(haiPhong4725.legalBasis).toMatchObject({ decision: '128/KH-SGDĐT', date: '2023-10-12' });
  });
});

describe('cap rules of national 4725', () => {
  const cap = (id: string, answers: Record<string, unknown>) => capOf(indicator(national4725, id), ruleContext(national4725, answers));
  const ratio = (numerator: number, denominator = 100) => ({ numerator, denominator });

  it('1.3b gives 6 per LMS function in use, and 0 without an LMS', () => {
    const lms = { lms_deployed: true, lms_name: 'LMS', lms_source: 'bought' };
    expect(cap('1.3b', { ...lms, lms_functions: ['assign', 'parents'] })).toBe(12);
    expect(cap('1.3b', { ...lms, lms_functions: ['assign', 'answer', 'assess', 'parents'] })).toBe(24);
    expect(cap('1.3b', { lms_deployed: false, lms_functions: ['assign'] })).toBe(0);
  });

  it('1.4 caps materials at 3 below 20, 6 below 40, and 10 from 40', () => {
    expect([0, 19, 20, 39, 40, 41].map((n) => cap('1.4a', { digital_materials: n }))).toEqual([3, 3, 6, 6, 10, 10]);
  });

  it('1.6 and 1.7a put 30% and 60% (20% and 60%) in the middle band', () => {
    expect([29, 30, 60, 61].map((n) => cap('1.6a', { teachers_online_training: ratio(n) }))).toEqual([2, 4, 4, 7]);
    expect(cap('1.6b', { teachers_using_tools: ratio(119, 200) })).toBe(4);
    expect([29, 30, 60, 61].map((n) => cap('1.6c', { teachers_digital_content: ratio(n) }))).toEqual([2, 4, 4, 6]);
    expect([19, 20, 60, 61].map((n) => cap('1.7a', { classrooms_equipped: ratio(n) }))).toEqual([2, 5, 5, 8]);
    expect(cap('1.7a', { classrooms_equipped: ratio(3, 5) })).toBe(5);
  });

  it('1.7b and 2.3c/d follow the chosen option', () => {
    expect(['level_1', 'level_2', 'level_3'].map((v) => cap('1.7b', { it_teaching_level: v }))).toEqual([2, 5, 7]);
    for (const id of ['2.3c', '2.3d']) {
      const field = id === '2.3c' ? 'gradebook' : 'transcript';
      expect(['none', 'pdf', 'signed'].map((v) => cap(id, { sms_deployed: true, [field]: v }))).toEqual([0, 3, 10]);
    }
  });

  it('1.6 asks for the same number of teachers in its three ratios', () => {
    const rules = ['1.6b', '1.6c'].flatMap((id) => indicator(national4725, id).validations.map((v) => v.rule));
    const answers = (total: number) => ({
      teachers_online_training: ratio(10, 20),
      teachers_using_tools: ratio(10, total),
      teachers_digital_content: ratio(10, total),
    });
    expect(rules.map((rule) => truthy(rule, ruleContext(national4725, answers(20))))).toEqual([true, true]);
    expect(rules.map((rule) => truthy(rule, ruleContext(national4725, answers(21))))).toEqual([false, false]);
    expect(rules.map((rule) => truthy(rule, ruleContext(national4725, {})))).toEqual([true, true]);
  });

  it('gives 0 until the software named by a yes is named too', () => {
    expect(cap('1.3a', { live_teaching_deployed: true })).toBe(0);
    expect(cap('1.3a', { live_teaching_deployed: true, live_teaching_software: 'Zoom' })).toBe(6);
    expect(cap('1.3a', { live_teaching_deployed: false })).toBe(0);
  });
});

describe('the seed-003 example (Trung tâm GDNN-GDTX huyện Thanh Trì, 2024–2025)', () => {
  const set = findBuiltInSet(seed003Example.definition) ?? national4725;
  const context = ruleContext(set, seed003Example.answers);
  const points = (ids: readonly string[]) => ids.reduce((sum, id) => sum + (seed003Example.awards[id] ?? 0), 0);

  it('is scored against the national set and answers only its fields, with known options', () => {
    expect(set).toBe(national4725);
    const fields = new Map(fieldsOf(set).map((f) => [f.id, f]));
    for (const [id, answer] of Object.entries(seed003Example.answers)) {
      const f = fields.get(id);
      expect(f, id).toBeDefined();
      if (f?.kind === 'choice') expect(f.options.map((o) => o.value), id).toContain(answer);
      if (f?.kind === 'multichoice') expect(f.options.map((o) => o.value), id).toEqual(expect.arrayContaining(answer as string[]));
    }
  });

  it('meets all four mandatory conditions and breaks no validation', () => {
    for (const c of criteriaOf(set)) {
      if (c.kind === 'mandatory') expect(truthy(c.condition, context), c.id).toBe(true);
      for (const v of c.indicators.flatMap((i) => i.validations)) expect(truthy(v.rule, context), v.message.en).toBe(true);
    }
  });

  it('awards every indicator that carries points, between 0 and the cap its answers give', () => {
    const scored = indicatorsOf(set).filter((i) => i.max > 0);
    const overCap: string[] = [];
    for (const ind of scored) {
      const award = seed003Example.awards[ind.id];
      const cap = capOf(ind, context);
      if (award === undefined || award < 0 || award > cap || cap > ind.max) overCap.push(`${ind.id}: ${award} of ${cap}`);
    }
    expect(overCap).toEqual([]);
    expect(Object.keys(seed003Example.awards).sort()).toEqual(scored.map((i) => i.id).sort());
  });

  it('adds up to the seed: 1.3 = 25, 1.4 = 10, 1.5 = 15, 1.6 = 16, 1.7 = 18, 2.3 = 66, 2.4 = 28; groups 84 and 94', () => {
    const byCriterion = Object.fromEntries(criteriaOf(set).map((c) => [c.id, points(c.indicators.map((i) => i.id))]));
    expect(byCriterion).toEqual({ '1.1': 0, '1.2': 0, '1.3': 25, '1.4': 10, '1.5': 15, '1.6': 16, '1.7': 18, '2.1': 0, '2.2': 0, '2.3': 66, '2.4': 28 });
    expect(set.groups.map((g) => points(g.criteria.flatMap((c) => c.indicators.map((i) => i.id))))).toEqual([84, 94]);
  });

  it('attaches evidence to every required slot, and only to slots the set has', () => {
    for (const c of criteriaOf(set)) {
      const given = seed003Example.evidence[c.id] ?? {};
      for (const slot of c.evidence.filter((e) => e.required)) expect(given[slot.id] ?? 0, `${c.id}/${slot.id}`).toBeGreaterThan(0);
      expect(Object.keys(given).filter((id) => !c.evidence.some((e) => e.id === id)), c.id).toEqual([]);
    }
    expect(Object.keys(seed003Example.evidence).filter((id) => !criteriaOf(set).some((c) => c.id === id))).toEqual([]);
  });

  it('names no real person: the officer in charge is a placeholder', () => {
    expect(seed003Example.answers.it_unit_contact).toEqual({
      name: 'Nguyễn Văn A',
      position: 'Tổ trưởng Tổ Văn phòng',
      email: 'phu-trach-cds@example.edu.vn',
      phone: '0900000000',
    });
  });
});
