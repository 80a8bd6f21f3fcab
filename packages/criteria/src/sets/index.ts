import { parseDefinition } from '../definition/parse.ts';
import type { Definition } from '../definition/schema.ts';
import { formatPath } from '../problem.ts';
import seed003Data from './examples/seed-003-thanh-tri.json' with { type: 'json' };
import haiPhongData from './haiphong-4725-2023.json' with { type: 'json' };
import nationalData from './national-4725.json' with { type: 'json' };

/**
 * Reads a built-in set through the same schema as any imported one. A built-in set can only fail
 * through a bad commit, which the tests catch; the error lists every problem with its path.
 */
function builtInSet(file: string, data: unknown): Definition {
  const result = parseDefinition(data);
  if (result.ok) return result.definition;
  const problems = result.problems.map((p) => `  - ${formatPath(p.path)}: ${p.message.en ?? p.message.vi}`);
  throw new Error(`The built-in criteria set ${file} does not match the definition schema:\n${problems.join('\n')}`);
}

/** The national set 4725/QĐ-BGDĐT (30/12/2022) for general-education schools and continuing-education centres. */
export const national4725: Definition = builtInSet('national-4725.json', nationalData);

/** Hải Phòng's 2023 adaptation of 4725 (Kế hoạch 128/KH-SGDĐT): 2.3f worth 6, 2.3h worth 10. */
export const haiPhong4725: Definition = builtInSet('haiphong-4725-2023.json', haiPhongData);

export const BUILT_IN_SETS: readonly Definition[] = [national4725, haiPhong4725];

/**
 * The built-in set with this key, if any.
 * @example findBuiltInSet('4725')?.version // '2022.1'
 */
export function findBuiltInSet(setKey: string): Definition | undefined {
  return BUILT_IN_SETS.find((set) => set.setKey === setKey);
}

/** A unit's answers, awards per indicator and evidence counts per criterion and slot, scored against `definition`. */
export interface ExampleSubmission {
  /** The set key the example is scored against. */
  definition: string;
  answers: Record<string, unknown>;
  awards: Record<string, number>;
  evidence: Record<string, Record<string, number>>;
}

/**
 * The worked example of seed 003: Trung tâm GDNN-GDTX huyện Thanh Trì, school year 2024–2025, scored
 * against 4725: group 1 = 84 (1.3: 25, 1.4: 10, 1.5: 15, 1.6: 16, 1.7: 18), group 2 = 94 (2.3: 66, 2.4: 28),
 * every mandatory condition met. The officer in charge is a placeholder, not the person the seed names.
 */
export const seed003Example: ExampleSubmission = seed003Data;
