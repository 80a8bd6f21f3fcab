/** A compiled node: what it evaluates to against the data in scope. */
export type Evaluator = (data: unknown) => unknown;

/** Compiles a node, as given to the compilers of operations (so they need not import the compiler). */
export type Compile = (node: unknown) => Evaluator;

/** Builds the evaluator of one operation from its arguments, still unevaluated. */
export type OperationCompiler = (args: readonly unknown[], compile: Compile) => Evaluator;

/**
 * Evaluates every argument, in order: json-logic-js evaluates all arguments of an ordinary operation,
 * even those it then ignores, and doing the same keeps failures (a throw) identical too.
 */
export function evaluateAll(evaluators: readonly Evaluator[], data: unknown): unknown[] {
  const values = new Array<unknown>(evaluators.length);
  for (let index = 0; index < evaluators.length; index += 1) {
    const evaluate = evaluators[index];
    values[index] = evaluate === undefined ? undefined : evaluate(data);
  }
  return values;
}

/** An operation of evaluated arguments: `fn` gets the values, as json-logic-js's operations do. */
export function eager(fn: (values: unknown[]) => unknown): OperationCompiler {
  return (args, compile) => {
    const evaluators = args.map(compile);
    return (data) => fn(evaluateAll(evaluators, data));
  };
}

/** An operation of one value, with a direct path for the usual single argument. */
export function unary(fn: (a: unknown) => unknown): OperationCompiler {
  return (args, compile) => {
    if (args.length === 1) {
      const a = compile(args[0]);
      return (data) => fn(a(data));
    }
    return eager((values) => fn(values[0]))(args, compile);
  };
}

/** An operation of two values, with a direct path for the usual two arguments. */
export function binary(fn: (a: unknown, b: unknown) => unknown): OperationCompiler {
  return (args, compile) => {
    if (args.length === 2) {
      const a = compile(args[0]);
      const b = compile(args[1]);
      return (data) => fn(a(data), b(data));
    }
    return eager((values) => fn(values[0], values[1]))(args, compile);
  };
}
