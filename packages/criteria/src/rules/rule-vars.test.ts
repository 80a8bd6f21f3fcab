import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../definition/rule.ts';
import type { Problem } from '../problem.ts';
import { checkRule, ruleVars } from './index.ts';

const unknown = (problems: Problem[]) =>
  problems.filter((problem) => problem.code === 'rule.unknown-var').map(({ path }) => path);

describe('ruleVars', () => {
  it('names the first segment of each var path', () => {
    expect(ruleVars({ if: [{ '<': [{ var: 'ratio.percent' }, 30] }, { var: 'bonus' }, 0] })).toEqual(new Set(['ratio', 'bonus']));
  });

  it('includes the vars of a default value and of numeric paths', () => {
    expect(ruleVars({ var: ['a', { var: 'b' }] })).toEqual(new Set(['a', 'b']));
    expect(ruleVars({ var: 0 })).toEqual(new Set(['0']));
  });

  it('includes the keys of missing, in both forms, and of missing_some', () => {
    expect(ruleVars({ missing: ['a', 'b.c'] })).toEqual(new Set(['a', 'b']));
    expect(ruleVars({ missing: [['d', 'e']] })).toEqual(new Set(['d', 'e']));
    expect(ruleVars({ missing: 'f' })).toEqual(new Set(['f']));
    expect(ruleVars({ missing_some: [{ var: 'need' }, ['g', 'h']] })).toEqual(new Set(['need', 'g', 'h']));
  });

  it('leaves out the whole-data path', () => {
    expect(ruleVars({ cat: [{ var: '' }, { var: null }, { var: [] }] })).toEqual(new Set());
  });

  it('leaves out what the per-element argument of an iteration reads, but keeps its list and initial value', () => {
    expect(ruleVars({ map: [{ var: 'scores' }, { '*': [{ var: 'points' }, 2] }] })).toEqual(new Set(['scores']));
    expect(ruleVars({ reduce: [{ var: 'items' }, { '+': [{ var: 'current' }, { var: 'accumulator' }] }, { var: 'start' }] })).toEqual(
      new Set(['items', 'start']),
    );
    expect(ruleVars({ all: [{ var: 'a' }, { some: [{ var: 'inner' }, { var: 'x' }] }] })).toEqual(new Set(['a']));
  });

  it('reads through a computed path to the vars that compute it', () => {
    expect(ruleVars({ var: { cat: [{ var: 'prefix' }, '_count'] } })).toEqual(new Set(['prefix']));
  });

  it('walks a rule nested 100,000 deep without overflowing the stack', () => {
    let rule: JsonValue = { var: 'deep' };
    for (let level = 0; level < 100_000; level += 1) rule = { '!': rule };
    expect(ruleVars(rule)).toEqual(new Set(['deep']));
  });
});

describe('checkRule with knownVars', () => {
  const knownVars = new Set(['ratio', 'count', 'scores']);

  it('reports a var whose first segment is unknown, at the path of its literal', () => {
    expect(unknown(checkRule({ if: [{ '>': [{ var: 'cuont' }, 0] }, 1, 0] }, { knownVars }))).toEqual([['if', 0, '>', 0, 'var']]);
    expect(checkRule({ '<': [{ var: 'ratio.percent' }, 30] }, { knownVars })).toEqual([]);
  });

  it('names the unknown input in both languages', () => {
    const [problem] = checkRule({ var: 'cuont' }, { knownVars });
    expect(problem?.message.vi).toContain('"cuont"');
    expect(problem?.message.en).toContain('"cuont"');
  });

  it('checks the keys of missing and missing_some', () => {
    expect(unknown(checkRule({ missing: ['count', 'nope'] }, { knownVars }))).toEqual([['missing', 1]]);
    expect(unknown(checkRule({ missing: [['nope']] }, { knownVars }))).toEqual([['missing', 0, 0]]);
    expect(unknown(checkRule({ missing_some: [1, ['ratio', 'nope']] }, { knownVars }))).toEqual([['missing_some', 1, 1]]);
  });

  it('does not check what the per-element argument of an iteration reads', () => {
    const rule = { reduce: [{ var: 'scores' }, { '+': [{ var: 'current.points' }, { var: 'accumulator' }] }, 0] };
    expect(checkRule(rule, { knownVars })).toEqual([]);
    expect(unknown(checkRule({ filter: [{ var: 'nope' }, { var: 'anything' }] }, { knownVars }))).toEqual([['filter', 0, 'var']]);
  });

  it('accepts the whole-data path and checks nothing without knownVars', () => {
    expect(checkRule({ var: '' }, { knownVars })).toEqual([]);
    expect(checkRule({ var: 'anything' })).toEqual([]);
  });
});
