import type { Rule } from '../definition/rule.ts';
import { isPathLiteral, pathSegments } from './data-path.ts';
import { argumentRoles, operationOf } from './rule-shape.ts';

/** What a rule reads of its data: the inputs named by its literal paths, and whether that is all. */
export interface RuleReads {
  /** First segments of the literal paths of `var`, `missing` and `missing_some`, outside iterations. */
  names: Set<string>;
  /**
   * The rule may also read the data some other way, outside iterations: through a computed path, or by
   * taking the whole data (the empty path, or `var` without arguments).
   */
  opaque: boolean;
}

/**
 * The reads of a rule (see `RuleReads`). Inside an iteration paths name parts of the element, which only
 * an opaque read outside it can make the data itself.
 * @example ruleReads({ var: 'ratio.percent' }) // { names: Set { 'ratio' }, opaque: false }
 * @example ruleReads({ var: { cat: ['a', 'b'] } }).opaque // true
 */
export function ruleReads(rule: Rule): RuleReads {
  const reads: RuleReads = { names: new Set<string>(), opaque: false };
  // An explicit stack, not recursion: this may be given a rule that was never checked for depth.
  const stack: Array<{ node: unknown; scoped: boolean; role: 'rule' | 'path' | 'paths' }> = [
    { node: rule, scoped: false, role: 'rule' },
  ];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { node, scoped, role } = item;
    if (role === 'paths' && Array.isArray(node)) {
      for (const key of node) stack.push({ node: key, scoped, role: 'path' });
      continue;
    }
    if (role === 'path' && isPathLiteral(node)) {
      const name = pathSegments(node)[0];
      if (!scoped && name !== undefined) reads.names.add(name);
      else if (!scoped) reads.opaque = true;
      continue;
    }
    if (role !== 'rule' && !scoped) reads.opaque = true;
    if (Array.isArray(node)) {
      for (const child of node) stack.push({ node: child, scoped, role: 'rule' });
      continue;
    }
    const operation = operationOf(node);
    if (operation === undefined) continue;
    if (operation.op === 'var' && operation.args.length === 0 && !scoped) reads.opaque = true;
    const roles = argumentRoles(operation.op, operation.args);
    operation.args.forEach((arg, index) => {
      const argRole = roles[index] ?? 'rule';
      if (argRole === 'scoped-rule') stack.push({ node: arg, scoped: true, role: 'rule' });
      else stack.push({ node: arg, scoped, role: argRole });
    });
  }
  return reads;
}

/**
 * The inputs a rule reads: the first segment of each literal path of `var`, `missing` and
 * `missing_some` outside iterations (inside one, paths name parts of the element). Paths that are
 * computed, and the empty path (the whole data), name no input and are left out.
 * @example ruleVars({ '<': [{ var: 'ratio.percent' }, 30] }) // Set { 'ratio' }
 */
export function ruleVars(rule: Rule): Set<string> {
  return ruleReads(rule).names;
}
