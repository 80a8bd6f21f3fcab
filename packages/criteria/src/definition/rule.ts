import * as z from 'zod';

/** A JSON value: the shape of every JSON-logic rule. What a rule may do is checked by `rules/`. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export const RuleSchema: z.ZodType<JsonValue> = z.json();
export type Rule = JsonValue;
