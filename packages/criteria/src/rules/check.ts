import type { Path, Problem } from '../problem.ts';
import { isAllowedOperation } from './allow-list.ts';
import { isPathLiteral, pathSegments } from './data-path.ts';
import { forbiddenSegment } from './forbidden-names.ts';
import { DEFAULT_RULE_LIMITS, type RuleLimits } from './limits.ts';
import * as report from './rule-problems.ts';
import { argumentRoles } from './rule-shape.ts';

export interface CheckOptions {
  /** The names a rule may read (first segments of its data paths); unchecked when absent. */
  knownVars?: ReadonlySet<string>;
  limits?: RuleLimits;
}

/** How a value that is not JSON is named in a problem. */
function describe(value: unknown): { vi: string; en: string } {
  if (typeof value === 'number') return { vi: `số ${String(value)}`, en: String(value) };
  if (typeof value === 'function') return { vi: 'một hàm', en: 'a function' };
  if (typeof value === 'bigint') return { vi: 'một số bigint', en: 'a bigint' };
  if (typeof value === 'symbol') return { vi: 'một symbol', en: 'a symbol' };
  if (typeof value === 'object' && value !== null) {
    const kind = Object.prototype.toString.call(value).slice(8, -1);
    return { vi: `một đối tượng ${kind}`, en: `a ${kind} object` };
  }
  return { vi: 'giá trị undefined', en: 'undefined' };
}

const ACCESSOR = { vi: 'một thuộc tính có hàm get/set', en: 'a property with a getter or setter' };

function isPlainArray(value: readonly unknown[]): boolean {
  return Object.getPrototypeOf(value) === Array.prototype;
}

/** One walk over one rule; problems are collected rather than thrown so that all are reported at once. */
class Checker {
  readonly problems: Problem[] = [];
  private nodes = 0;
  private stopped = false;

  constructor(
    private readonly limits: RuleLimits,
    private readonly knownVars: ReadonlySet<string> | undefined,
  ) {}

  /**
   * Counts a node and checks its depth; false when the walk must not look inside it. Once the rule is
   * known to be too large the walk stops altogether, so a huge rule costs no more than a large one.
   */
  private enter(path: Path): boolean {
    if (this.stopped) return false;
    this.nodes += 1;
    if (this.nodes > this.limits.maxNodes) {
      this.stopped = true;
      this.problems.push(report.tooLarge([], this.limits.maxNodes));
      return false;
    }
    if (path.length > this.limits.maxDepth) {
      this.problems.push(report.tooDeep(path, this.limits.maxDepth));
      return false;
    }
    return true;
  }

  /** A node evaluated as a rule. `scoped`: inside the per-element argument of an iteration. */
  rule(node: unknown, path: Path, scoped: boolean): void {
    if (!this.enter(path)) return;
    if (Array.isArray(node)) this.array(node, path, (item, at) => this.rule(item, at, scoped));
    else if (typeof node === 'object' && node !== null) this.operation(node, path, scoped);
    else this.primitive(node, path);
  }

  private array(node: readonly unknown[], path: Path, visit: (item: unknown, at: Path) => void): void {
    if (!isPlainArray(node)) {
      this.problems.push(report.notJson(path, describe(node)));
      return;
    }
    for (let index = 0; index < node.length && !this.stopped; index += 1) visit(node[index], [...path, index]);
  }

  private primitive(node: unknown, path: Path): void {
    if (node === null || typeof node === 'boolean') return;
    if (typeof node === 'string') {
      if (node.length > this.limits.maxStringLength)
        this.problems.push(report.stringTooLong(path, node.length, this.limits.maxStringLength));
      return;
    }
    if (typeof node === 'number' && Number.isFinite(node)) return;
    this.problems.push(report.notJson(path, describe(node)));
  }

  private operation(node: object, path: Path, scoped: boolean): void {
    const prototype: unknown = Object.getPrototypeOf(node);
    if (prototype !== Object.prototype && prototype !== null) {
      this.problems.push(report.notJson(path, describe(node)));
      return;
    }
    const keys = Object.keys(node);
    const op = keys[0];
    if (keys.length !== 1 || op === undefined) {
      this.problems.push(report.operationKeyCount(path, keys.length));
      return;
    }
    const descriptor = Object.getOwnPropertyDescriptor(node, op);
    if (descriptor === undefined || descriptor.get !== undefined || descriptor.set !== undefined) {
      // A getter would run code each time the rule is read.
      this.problems.push(report.notJson(path, ACCESSOR));
      return;
    }
    if (!isAllowedOperation(op)) this.problems.push(report.operationNotAllowed(path, op));

    const value: unknown = descriptor.value;
    const valuePath = [...path, op];
    if (Array.isArray(value)) {
      if (!this.enter(valuePath)) return;
      if (!isPlainArray(value)) {
        this.problems.push(report.notJson(valuePath, describe(value)));
        return;
      }
    }
    const args: readonly unknown[] = Array.isArray(value) ? value : [value];
    const roles = argumentRoles(op, args);
    for (let index = 0; index < args.length && !this.stopped; index += 1) {
      const at = Array.isArray(value) ? [...valuePath, index] : valuePath;
      const arg = args[index];
      const role = roles[index];
      if (role === 'scoped-rule') this.rule(arg, at, true);
      else if (role === 'path') this.dataPath(arg, at, op, scoped);
      else if (role === 'paths') this.dataPaths(arg, at, op, scoped);
      else this.rule(arg, at, scoped);
    }
    // Without its list of keys, missing_some reads the whole data and then fails on `undefined.length`.
    if (op === 'missing_some' && args.length < 2) this.problems.push(report.missingSomeWithoutKeys(valuePath));
  }

  private dataPaths(node: unknown, path: Path, op: string, scoped: boolean): void {
    if (!Array.isArray(node)) {
      this.problems.push(report.varComputed(path, op));
      this.rule(node, path, scoped);
      return;
    }
    if (!this.enter(path)) return;
    this.array(node, path, (item, at) => this.dataPath(item, at, op, scoped));
  }

  private dataPath(node: unknown, path: Path, op: string, scoped: boolean): void {
    if (!isPathLiteral(node)) {
      this.problems.push(report.varComputed(path, op));
      // Look inside: a computed path may hide real problems (an operation that is not allowed).
      this.rule(node, path, scoped);
      return;
    }
    if (!this.enter(path)) return;
    if (typeof node === 'number' && !Number.isFinite(node)) {
      this.problems.push(report.notJson(path, describe(node)));
      return;
    }
    if (typeof node === 'string' && node.length > this.limits.maxStringLength) {
      this.problems.push(report.stringTooLong(path, node.length, this.limits.maxStringLength));
      return;
    }
    const segments = pathSegments(node);
    const forbidden = forbiddenSegment(segments);
    if (forbidden !== undefined) {
      this.problems.push(report.varForbiddenSegment(path, String(node), forbidden));
      return;
    }
    const name = segments[0];
    // Inside an iteration a path names a part of the element (or `current`/`accumulator`), not an input.
    if (this.knownVars !== undefined && !scoped && name !== undefined && !this.knownVars.has(name))
      this.problems.push(report.unknownVar(path, name));
  }
}

/**
 * Every problem of a rule at once, each with its path from the rule's root: operations outside the
 * allow-list, computed or forbidden data paths, unknown inputs (when `knownVars` is given), values that
 * are not JSON, and rules too deep, too large or with too long strings.
 * @example checkRule({ var: 'constructor' }) // [{ path: ['var'], code: 'rule.var-forbidden-segment', … }]
 */
export function checkRule(rule: unknown, options: CheckOptions = {}): Problem[] {
  const checker = new Checker(options.limits ?? DEFAULT_RULE_LIMITS, options.knownVars);
  checker.rule(rule, [], false);
  return checker.problems;
}
