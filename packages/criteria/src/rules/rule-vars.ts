import type { Rule } from '../definition/rule.ts';
import { isPathLiteral, pathSegments } from './data-path.ts';
import { argumentRoles, operationOf } from './rule-shape.ts';

/**
 * The inputs a rule reads: the first segment of each literal path of `var`, `missing` and
 * `missing_some` outside iterations (inside one, paths name parts of the element). Paths that are
 * computed, and the empty path (the whole data), name no input and are left out.
 * @example ruleVars({ '<': [{ var: 'ratio.percent' }, 30] }) // Set { 'ratio' }
 */
export function ruleVars(rule: Rule): Set<string> {
  const names = new Set<string>();
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
      if (!scoped && name !== undefined) names.add(name);
      continue;
    }
    if (Array.isArray(node)) {
      for (const child of node) stack.push({ node: child, scoped, role: 'rule' });
      continue;
    }
    const operation = operationOf(node);
    if (operation === undefined) continue;
    const roles = argumentRoles(operation.op, operation.args);
    operation.args.forEach((arg, index) => {
      const argRole = roles[index] ?? 'rule';
      if (argRole === 'scoped-rule') stack.push({ node: arg, scoped: true, role: 'rule' });
      else stack.push({ node: arg, scoped, role: argRole });
    });
  }
  return names;
}
