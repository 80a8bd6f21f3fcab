import type { JsonValue } from '../definition/rule.ts';
import type { DefinitionInput } from '../definition/schema.ts';
import type { Path } from '../problem.ts';

/**
 * The smallest definition that passes every check: one group of 10 points with a mandatory condition
 * (1.1) and one scored criterion (1.2) of two indicators. Tests break one thing in it at a time.
 */
export function smallDefinition(): DefinitionInput {
  return {
    schemaVersion: 1,
    setKey: 'test',
    version: '2025.1',
    title: { vi: 'Bộ chỉ số thử nghiệm', en: 'Test set' },
    legalBasis: { decision: '1/QĐ-TEST', date: '2025-01-01' },
    appliesTo: ['primary'],
    levels: [
      { level: 1, label: { vi: 'Mức 1: chưa đáp ứng' } },
      { level: 2, label: { vi: 'Mức 2: đáp ứng cơ bản' } },
      { level: 3, label: { vi: 'Mức 3: đáp ứng tốt' } },
    ],
    groups: [
      {
        id: '1',
        title: { vi: 'Chuyển đổi số trong dạy, học' },
        max: 10,
        bands: [
          { level: 1, max: 5 },
          { level: 2, min: 5, max: 7.5, maxInclusive: true },
          { level: 3, min: 7.5, minInclusive: false },
        ],
        criteria: [
          {
            id: '1.1',
            kind: 'mandatory',
            title: { vi: 'Kế hoạch dạy học trực tuyến' },
            condition: { '!!': [{ var: 'plan' }] },
            evidence: [{ id: 'plan-doc', kind: 'document', label: { vi: 'Kế hoạch' } }],
            indicators: [{ id: '1.1a', title: { vi: 'Kế hoạch' }, max: 0, fields: [{ id: 'plan', kind: 'document', label: { vi: 'Số hiệu kế hoạch' } }] }],
          },
          {
            id: '1.2',
            kind: 'scored',
            title: { vi: 'Phần mềm dạy học trực tuyến' },
            max: 10,
            bands: [
              { level: 1, max: 4 },
              { level: 2, min: 4, max: 7, maxInclusive: true },
              { level: 3, min: 7, minInclusive: false },
            ],
            indicators: [
              {
                id: '1.2a',
                title: { vi: 'Phần mềm dạy học trực tiếp' },
                max: 4,
                fields: [{ id: 'has_software', kind: 'boolean', label: { vi: 'Có phần mềm' } }],
                cap: { if: [{ var: 'has_software' }, 4, 0] },
              },
              {
                id: '1.2b',
                title: { vi: 'Học liệu số' },
                max: 6,
                fields: [
                  { id: 'materials', kind: 'count', label: { vi: 'Số học liệu' } },
                  { id: 'kinds', kind: 'multichoice', label: { vi: 'Loại học liệu' }, options: [{ value: 'video', label: { vi: 'Video' } }, { value: 'slides', label: { vi: 'Bài giảng' } }] },
                ],
                cap: { if: [{ '<': [{ var: 'materials' }, 20] }, 3, 6] },
                validations: [{ rule: { '>=': [{ var: 'materials' }, 0] }, message: { vi: 'Số học liệu không âm' }, fields: ['materials'] }],
              },
            ],
          },
        ],
      },
    ],
  };
}

type Container = JsonValue[] | { [key: string]: JsonValue };

/**
 * A copy of the small definition with values set at paths (undefined removes the key).
 * @example edited([[['groups', 0, 'max'], 12]])
 */
export function edited(changes: ReadonlyArray<readonly [Path, JsonValue | undefined]>): JsonValue {
  const copy = JSON.parse(JSON.stringify(smallDefinition())) as JsonValue;
  for (const [path, value] of changes) {
    let node: JsonValue = copy;
    for (const step of path.slice(0, -1)) node = childOf(node, step);
    const last = path[path.length - 1];
    if (last === undefined || typeof node !== 'object' || node === null) throw new Error('bad path');
    const container: Container = node;
    if (Array.isArray(container)) {
      if (typeof last !== 'number') throw new Error('bad path');
      if (value === undefined) container.splice(last, 1);
      else container[last] = value;
    } else if (value === undefined) delete container[String(last)];
    else container[String(last)] = value;
  }
  return copy;
}

function childOf(node: JsonValue, step: string | number): JsonValue {
  if (Array.isArray(node) && typeof step === 'number') {
    const child = node[step];
    if (child !== undefined) return child;
  } else if (typeof node === 'object' && node !== null && !Array.isArray(node)) {
    const child = node[String(step)];
    if (child !== undefined) return child;
  }
  throw new Error(`no such path step: ${String(step)}`);
}
