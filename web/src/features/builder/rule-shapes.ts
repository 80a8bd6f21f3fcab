import type { JsonValue, Rule } from '@chiso/criteria';

/**
 * The rule shapes the builder edits through forms; every other rule stays JSON-logic text.
 * - `yes`: "có: tối đa N điểm" — `{"if": [{"var": X}, N, M]}`
 * - `bands`: thresholds over a count or a ratio's percentage, in order —
 *   `{"if": [{"<": [{"var": X}, 20]}, 3, {"<": [{"var": X}, 40]}, 6, 10]}`
 * - `options`: a chosen option's points — `{"if": [{"==": [{"var": X}, "signed"]}, 10, …, 0]}`
 * Reading a rule then writing its shape gives back the very same JSON, so nothing is lost by opening it.
 */
export type RuleShape = YesShape | BandsShape | OptionsShape;

export interface YesShape {
  kind: 'yes';
  variable: string;
  points: number;
  otherwise: number;
}

export type Comparison = '<' | '<=';

export interface BandStep {
  /** `<`: "dưới"; `<=`: "đến". */
  op: Comparison;
  limit: number;
  points: number;
}

export interface BandsShape {
  kind: 'bands';
  variable: string;
  steps: BandStep[];
  /** The points above the last step. */
  otherwise: number;
}

export interface OptionsShape {
  kind: 'options';
  variable: string;
  cases: { value: string; points: number }[];
  /** The points of any other option, or no answer. */
  otherwise: number;
}

type JsonObject = { [key: string]: JsonValue };

function single(node: JsonValue): [string, JsonValue] | undefined {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
  const entries = Object.entries(node);
  return entries.length === 1 ? entries[0] : undefined;
}

/** `{"var": "x"}` → `x`; anything else (a default, a computed path) is not a plain variable. */
function plainVar(node: JsonValue): string | undefined {
  const entry = single(node);
  return entry !== undefined && entry[0] === 'var' && typeof entry[1] === 'string' && entry[1] !== '' ? entry[1] : undefined;
}

const isNumber = (node: JsonValue | undefined): node is number => typeof node === 'number' && Number.isFinite(node);

/** A comparison `{op: [{"var": X}, literal]}`, taken apart. */
function comparison(node: JsonValue): { op: string; variable: string; literal: JsonValue } | undefined {
  const entry = single(node);
  if (entry === undefined || !Array.isArray(entry[1]) || entry[1].length !== 2) return undefined;
  const [left, right] = entry[1];
  const variable = left === undefined ? undefined : plainVar(left);
  return variable === undefined || right === undefined ? undefined : { op: entry[0], variable, literal: right };
}

/** The (condition, points) pairs and the final points of an `if` chain whose branches are all numbers. */
function ifChain(rule: Rule): { pairs: [JsonValue, number][]; otherwise: number } | undefined {
  const entry = single(rule);
  if (entry === undefined || entry[0] !== 'if' || !Array.isArray(entry[1])) return undefined;
  const args = entry[1];
  if (args.length < 3 || args.length % 2 === 0) return undefined;
  const pairs: [JsonValue, number][] = [];
  for (let index = 0; index + 1 < args.length; index += 2) {
    const condition = args[index];
    const points = args[index + 1];
    if (condition === undefined || !isNumber(points)) return undefined;
    pairs.push([condition, points]);
  }
  const otherwise = args[args.length - 1];
  return isNumber(otherwise) ? { pairs, otherwise } : undefined;
}

/** The shape of a rule, or undefined when it has none the builder edits as a form. */
export function recognise(rule: Rule | undefined): RuleShape | undefined {
  if (rule === undefined) return undefined;
  const chain = ifChain(rule);
  if (chain === undefined) return undefined;
  const [first] = chain.pairs;
  if (first === undefined) return undefined;
  const yesVar = plainVar(first[0]);
  if (yesVar !== undefined && chain.pairs.length === 1) return { kind: 'yes', variable: yesVar, points: first[1], otherwise: chain.otherwise };
  return bands(chain) ?? options(chain);
}

function bands(chain: { pairs: [JsonValue, number][]; otherwise: number }): BandsShape | undefined {
  const steps: BandStep[] = [];
  let variable: string | undefined;
  for (const [condition, points] of chain.pairs) {
    const found = comparison(condition);
    if (found === undefined || (found.op !== '<' && found.op !== '<=') || !isNumber(found.literal)) return undefined;
    if (variable !== undefined && found.variable !== variable) return undefined;
    variable = found.variable;
    steps.push({ op: found.op, limit: found.literal, points });
  }
  return variable === undefined ? undefined : { kind: 'bands', variable, steps, otherwise: chain.otherwise };
}

function options(chain: { pairs: [JsonValue, number][]; otherwise: number }): OptionsShape | undefined {
  const cases: OptionsShape['cases'] = [];
  let variable: string | undefined;
  for (const [condition, points] of chain.pairs) {
    const found = comparison(condition);
    if (found === undefined || found.op !== '==' || typeof found.literal !== 'string') return undefined;
    if (variable !== undefined && found.variable !== variable) return undefined;
    variable = found.variable;
    cases.push({ value: found.literal, points });
  }
  return variable === undefined ? undefined : { kind: 'options', variable, cases, otherwise: chain.otherwise };
}

/** The JSON-logic of a shape: what the definition stores. */
export function toRule(shape: RuleShape): Rule {
  const ref: JsonObject = { var: shape.variable };
  const args: JsonValue[] = [];
  if (shape.kind === 'yes') args.push(ref, shape.points);
  else if (shape.kind === 'bands') for (const step of shape.steps) args.push({ [step.op]: [ref, step.limit] }, step.points);
  else for (const item of shape.cases) args.push({ '==': [ref, item.value] }, item.points);
  args.push(shape.otherwise);
  return { if: args };
}

/** A new rule of a shape, to start from when the author picks it. */
export function startShape(kind: RuleShape['kind'], variable: string, max: number): RuleShape {
  if (kind === 'yes') return { kind, variable, points: max, otherwise: 0 };
  if (kind === 'bands') return { kind, variable, steps: [{ op: '<', limit: 30, points: Math.min(2, max) }], otherwise: max };
  return { kind, variable, cases: [], otherwise: 0 };
}

const NUMBER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/**
 * A shape as people read it, e.g. "digital_materials: dưới 20 → 3; dưới 40 → 6; còn lại → 10".
 * @example describeShape({ kind: 'yes', variable: 'studio_room', points: 5, otherwise: 0 }, 'vi') // 'studio_room: có → 5; không → 0'
 */
export function describeShape(shape: RuleShape, lang: 'vi' | 'en'): string {
  const n = (value: number) => (lang === 'vi' ? NUMBER.format(value) : String(value));
  const rest = lang === 'vi' ? 'còn lại' : 'otherwise';
  let parts: string[];
  if (shape.kind === 'yes') parts = [`${lang === 'vi' ? 'có' : 'yes'} → ${n(shape.points)}`, `${lang === 'vi' ? 'không' : 'no'} → ${n(shape.otherwise)}`];
  else if (shape.kind === 'bands') {
    const words = { '<': lang === 'vi' ? 'dưới' : 'below', '<=': lang === 'vi' ? 'đến' : 'up to' };
    parts = [...shape.steps.map((step) => `${words[step.op]} ${n(step.limit)} → ${n(step.points)}`), `${rest} → ${n(shape.otherwise)}`];
  } else parts = [...shape.cases.map((item) => `«${item.value}» → ${n(item.points)}`), `${rest} → ${n(shape.otherwise)}`];
  return `${shape.variable}: ${parts.join('; ')}`;
}
