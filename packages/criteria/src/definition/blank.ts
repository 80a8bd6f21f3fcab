import { type Definition, DefinitionSchema } from './schema.ts';

const LEVELS = [
  { level: 1, label: { vi: 'Mức độ 1: Chưa đáp ứng', en: 'Level 1: not met' } },
  { level: 2, label: { vi: 'Mức độ 2: Đáp ứng cơ bản', en: 'Level 2: basic' } },
  { level: 3, label: { vi: 'Mức độ 3: Đáp ứng tốt', en: 'Level 3: good' } },
];

/**
 * A new, empty criteria set to start from in the builder: the three levels and the 50 / 75 group bands
 * every national set uses, one group and one criterion to fill in. It parses, and the linter lists what
 * is still to do (a criterion without indicators), so it cannot be published as it is.
 * @example blankDefinition({ setKey: 'hp-mam-non', version: '2026.1', title: 'Bộ chỉ số mầm non' })
 */
export function blankDefinition(identity: { setKey: string; version: string; title: string; date?: string }): Definition {
  return DefinitionSchema.parse({
    schemaVersion: 1,
    setKey: identity.setKey,
    version: identity.version,
    status: 'draft',
    title: { vi: identity.title },
    legalBasis: { decision: 'Chưa có số quyết định', date: identity.date ?? '2026-01-01' },
    appliesTo: ['primary'],
    levels: LEVELS,
    groups: [
      {
        id: '1',
        title: { vi: 'Nhóm tiêu chí 1' },
        max: 100,
        bands: [
          { level: 1, max: 50 },
          { level: 2, min: 50, max: 75, maxInclusive: true },
          { level: 3, min: 75, minInclusive: false },
        ],
        criteria: [
          {
            id: '1.1',
            kind: 'scored',
            title: { vi: 'Tiêu chí 1.1' },
            max: 100,
            bands: [
              { level: 1, max: 50 },
              { level: 2, min: 50, max: 75, maxInclusive: true },
              { level: 3, min: 75, minInclusive: false },
            ],
          },
        ],
      },
    ],
  });
}
