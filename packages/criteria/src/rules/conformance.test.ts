import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Path } from '../problem.ts';
import { RuleSchema, type Rule } from '../definition/rule.ts';
import { ALLOWED_OPERATIONS, type RuleData, RuleError, checkRule, compileRule } from './index.ts';

/** The repository's root: the nearest folder above whose package.json declares workspaces. */
function repositoryRoot(from: string): string | undefined {
  for (let folder = from; ; folder = dirname(folder)) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest)) {
      const parsed: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
      if (typeof parsed === 'object' && parsed !== null && 'workspaces' in parsed) return folder;
    }
    if (dirname(folder) === folder) return undefined;
  }
}

interface Case {
  rule: Rule;
  data: unknown;
  expected: unknown;
}
interface Section {
  title: string;
  cases: Case[];
}

/** The file is a flat list: a string opens a section, a `[rule, data, expected]` triple is a case. */
function readSections(file: string): Section[] {
  const entries: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(entries)) throw new Error(`${file} is not a JSON array`);
  const sections: Section[] = [{ title: '(before any title)', cases: [] }];
  for (const entry of entries) {
    if (typeof entry === 'string') sections.push({ title: entry.replace(/^#\s*/, ''), cases: [] });
    else if (Array.isArray(entry) && entry.length === 3) {
      const [rule, data, expected]: unknown[] = entry;
      sections[sections.length - 1]?.cases.push({ rule: RuleSchema.parse(rule), data, expected });
    } else throw new Error(`unexpected entry ${JSON.stringify(entry)}`);
  }
  return sections.filter((section) => section.cases.length > 0);
}

/** Paths of the operation nodes outside the allow-list, found by a walk of its own (not checkRule). */
function disallowedOperations(node: unknown, path: Path = []): Path[] {
  if (Array.isArray(node)) return node.flatMap((item, index) => disallowedOperations(item, [...path, index]));
  if (typeof node !== 'object' || node === null) return [];
  const entries = Object.entries(node);
  const [entry] = entries;
  if (entries.length !== 1 || entry === undefined) return [];
  const [op, value] = entry;
  const own = ALLOWED_OPERATIONS.includes(op) ? [] : [path];
  const inside = Array.isArray(value)
    ? value.flatMap((item, index) => disallowedOperations(item, [...path, op, index]))
    : disallowedOperations(value, [...path, op]);
  return [...own, ...inside];
}

const root = repositoryRoot(dirname(fileURLToPath(import.meta.url)));
const file = root === undefined ? undefined : resolve(root, '../shared/conformance/json-logic-tests.json');
const present = file !== undefined && existsSync(file);
const sections = present ? readSections(file) : [];
const all = sections.flatMap((section) => section.cases.map((item) => ({ ...item, section: section.title })));
const usingDisallowed = all.filter((item) => disallowedOperations(item.rule).length > 0);
const allowed = all.filter((item) => disallowedOperations(item.rule).length === 0);
const hasErrors = (rule: unknown) => checkRule(rule).some((found) => found.severity === 'error');
const refusedByPolicy = allowed.filter((item) => hasErrors(item.rule));
const evaluated = allowed.filter((item) => !hasErrors(item.rule));
const computedPaths = evaluated.filter((item) => checkRule(item.rule).some((found) => found.code === 'rule.var-computed'));
const show = (value: unknown) => JSON.stringify(value);

describe.skipIf(!present)(
  present
    ? 'json-logic conformance cases (../shared/conformance/json-logic-tests.json)'
    : `json-logic conformance cases: SKIPPED, the file ../shared/conformance/json-logic-tests.json is absent (looked for ${String(file)})`,
  () => {
    it(`sorts all ${all.length} cases: ${evaluated.length} evaluated (${computedPaths.length} of them with a computed data path), ${refusedByPolicy.length} refused by policy, ${usingDisallowed.length} refused for an operation outside the allow-list`, () => {
      expect(all.length).toBeGreaterThan(0);
      expect(evaluated.length).toBeGreaterThan(0);
      expect(evaluated.length + refusedByPolicy.length + usingDisallowed.length).toBe(all.length);
    });

    for (const section of sections) {
      const cases = evaluated.filter((item) => item.section === section.title);
      if (cases.length === 0) continue;
      describe(`${section.title}: compiled evaluation equals the expected value`, () => {
        for (const { rule, data, expected } of cases) {
          it(`${show(rule)} over ${show(data)} gives ${show(expected)}`, () => {
            // Some cases evaluate over an array or null: the engine takes any value, whatever RuleData says.
            expect(compileRule(rule)(data as RuleData)).toStrictEqual(expected);
          });
        }
      });
    }

    it('refuses no case whose operations are all on the allow-list', () => {
      expect(refusedByPolicy.map((item) => show(item.rule))).toEqual([]);
    });

    // A describe without tests fails, so a bucket this file leaves empty gets none (the count above says so).
    if (computedPaths.length > 0) {
      describe('cases that compute a data path run, with a warning that their inputs cannot be checked beforehand', () => {
        for (const { rule } of computedPaths) {
          it(`${show(rule)} is accepted with only warnings`, () => {
            const problems = checkRule(rule);
            expect(problems.map((found) => [found.code, found.severity])).toEqual(problems.map(() => ['rule.var-computed', 'warning']));
          });
        }
      });
    }

    if (usingDisallowed.length > 0) {
      describe('cases using an operation outside the allow-list are refused with the path of that operation', () => {
        for (const { rule } of usingDisallowed) {
          it(`${show(rule)} is refused`, () => {
            const reported = checkRule(rule)
              .filter((found) => found.code === 'rule.operation-not-allowed')
              .map((found) => found.path);
            expect(reported).toEqual(disallowedOperations(rule));
            expect(() => compileRule(rule)).toThrow(RuleError);
          });
        }
      });
    }
  },
);
