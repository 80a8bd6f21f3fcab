import type { OperationCompiler } from './evaluator.ts';
import { ARITHMETIC_OPERATIONS } from './operations-arithmetic.ts';
import { ARRAY_OPERATIONS } from './operations-arrays.ts';
import { DATA_OPERATIONS } from './operations-data.ts';
import { LOGIC_OPERATIONS } from './operations-logic.ts';
import { STRING_OPERATIONS } from './operations-strings.ts';

/** The operations compiled to closures, each with json-logic-js's semantics. */
export const SPECIALISED_OPERATIONS: ReadonlyMap<string, OperationCompiler> = new Map([
  ...DATA_OPERATIONS,
  ...LOGIC_OPERATIONS,
  ...ARITHMETIC_OPERATIONS,
  ...ARRAY_OPERATIONS,
  ...STRING_OPERATIONS,
]);
