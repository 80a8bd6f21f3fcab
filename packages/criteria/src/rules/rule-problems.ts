import { type Path, type Problem, problem } from '../problem.ts';

// The problems of the rule engine, each with a stable code and a message in Vietnamese and English.

/** Names written by rule authors can be huge or odd; messages quote a bounded, readable form. */
function quote(name: string): string {
  const shown = name.length > 40 ? `${name.slice(0, 40)}…` : name;
  return JSON.stringify(shown);
}

/** An operation outside ALLOWED_OPERATIONS, at the path of its node. */
export function operationNotAllowed(path: Path, op: string): Problem {
  return problem(
    path,
    'rule.operation-not-allowed',
    `Phép toán ${quote(op)} không được phép trong quy tắc`,
    `Operation ${quote(op)} is not allowed in rules`,
  );
}

/** An object that is not one operation: json-logic-js would pass it through as data, silently. */
export function operationKeyCount(path: Path, count: number): Problem {
  return problem(
    path,
    'rule.operation-key-count',
    `Một phép toán phải là đối tượng có đúng một khóa (ở đây có ${count} khóa)`,
    `An operation must be an object with exactly one key (this one has ${count})`,
  );
}

/** A node deeper than `maxDepth` steps from the root. */
export function tooDeep(path: Path, maxDepth: number): Problem {
  return problem(
    path,
    'rule.too-deep',
    `Quy tắc lồng nhau quá sâu (tối đa ${maxDepth} cấp)`,
    `The rule is nested too deeply (at most ${maxDepth} levels)`,
  );
}

/** A rule of more than `maxNodes` values; reported once, at the root. */
export function tooLarge(path: Path, maxNodes: number): Problem {
  return problem(
    path,
    'rule.too-large',
    `Quy tắc quá lớn (tối đa ${maxNodes} phần tử)`,
    `The rule is too large (at most ${maxNodes} nodes)`,
  );
}

/** A string literal (or path) longer than `maxStringLength`. */
export function stringTooLong(path: Path, length: number, maxLength: number): Problem {
  return problem(
    path,
    'rule.string-too-long',
    `Chuỗi quá dài (${length} ký tự, tối đa ${maxLength})`,
    `The string is too long (${length} characters, at most ${maxLength})`,
  );
}

/** A value JSON cannot hold: NaN, ±Infinity, undefined, a function, an object of a class, a getter. */
export function notJson(path: Path, what: { vi: string; en: string }): Problem {
  return problem(
    path,
    'rule.not-json',
    `Quy tắc chỉ được chứa dữ liệu JSON; ở đây có ${what.vi}`,
    `A rule may only contain JSON data; found ${what.en}`,
  );
}

/**
 * A data path computed when the rule runs. Allowed (JSON-logic has it), and guarded at run time: a
 * computed path naming a forbidden segment finds nothing. What it reads cannot be checked beforehand.
 */
export function varComputed(path: Path, op: string): Problem {
  return problem(
    path,
    'rule.var-computed',
    `Đường dẫn dữ liệu của ${quote(op)} được tính khi chạy quy tắc, nên không kiểm tra trước được trường nào được đọc; nên viết sẵn tên trường`,
    `The data path of ${quote(op)} is computed when the rule runs, so which input it reads cannot be checked in advance; prefer writing the field name`,
    'warning',
  );
}

/** `missing_some` without its list of keys fails in every evaluation. */
export function missingSomeWithoutKeys(path: Path): Problem {
  return problem(
    path,
    'rule.missing-some-keys',
    '"missing_some" cần hai đối số: số lượng tối thiểu và danh sách trường',
    '"missing_some" needs two arguments: the minimum count and the list of keys',
  );
}

/** A data path with a segment that is not a plain name, or that names a prototype member. */
export function varForbiddenSegment(path: Path, dataPath: string, segment: string): Problem {
  return problem(
    path,
    'rule.var-forbidden-segment',
    `Đường dẫn dữ liệu ${quote(dataPath)} có phần ${quote(segment)} không được phép ` +
      '(chỉ dùng chữ cái không dấu, chữ số, dấu _ và không dùng tên thuộc tính có sẵn của JavaScript)',
    `The data path ${quote(dataPath)} has the forbidden part ${quote(segment)} ` +
      '(use only ASCII letters, digits and _, and no built-in JavaScript property name)',
  );
}

/** A data path whose first segment is not among the names the rule may read. */
export function unknownVar(path: Path, name: string): Problem {
  return problem(
    path,
    'rule.unknown-var',
    `Quy tắc dùng dữ liệu ${quote(name)} không có ở đây`,
    `The rule reads ${quote(name)}, which does not exist here`,
  );
}

/** An evaluation that threw; `reason` is the error, as JavaScript words it. */
export function evaluationFailed(reason: string): Problem {
  return problem(
    [],
    'rule.evaluation-failed',
    `Không tính được quy tắc: ${reason}`,
    `The rule could not be evaluated: ${reason}`,
  );
}

/** An evaluation stopped for spending more than its budget. */
export function tooMuchWork(budget: number): Problem {
  return problem(
    [],
    'rule.too-much-work',
    `Quy tắc cần quá nhiều bước tính (tối đa ${budget})`,
    `The rule needs too much work to evaluate (at most ${budget} steps)`,
  );
}
