import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../definition/rule.ts';

/**
 * How Hải Phòng's 2023 set is made from the national one (seed 000, Kế hoạch 128/KH-SGDĐT):
 * its own identity, and two indicators worth different points. Everything else is the national text.
 * To regenerate the JSON after changing the national set or this recipe:
 *   npx vitest run -u --project criteria packages/criteria/src/sets/haiphong-4725-2023.test.ts
 * This file reads only the national JSON, so it regenerates even when the Hải Phòng file is broken.
 */
const HAI_PHONG_IDENTITY: Record<string, JsonValue> = {
  setKey: 'hp-4725',
  version: '2023.1',
  status: 'published',
  title: {
    vi: 'Bộ chỉ số đánh giá mức độ chuyển đổi số của cơ sở giáo dục phổ thông và giáo dục thường xuyên (Hải Phòng, 2023)',
    en: 'Indicators for assessing the level of digital transformation of general-education and continuing-education institutions (Hải Phòng, 2023)',
  },
  description: {
    vi: 'Bộ chỉ số theo Quyết định số 4725/QĐ-BGDĐT ngày 30/12/2022 của Bộ Giáo dục và Đào tạo, được Sở Giáo dục và Đào tạo Hải Phòng áp dụng theo Kế hoạch số 128/KH-SGDĐT ngày 12/10/2023. Khác bộ chỉ số quốc gia ở điểm tối đa của hai chỉ số: phân hệ quản lý cơ sở vật chất (2.3f) tối đa 6 điểm, phân hệ quản lý kế toán (2.3h) tối đa 10 điểm.',
    en: 'The set of Decision 4725/QĐ-BGDĐT (30 December 2022) as Hải Phòng’s Department of Education and Training applies it under Plan 128/KH-SGDĐT of 12 October 2023. It differs from the national set in two indicators: the facilities module (2.3f) is worth at most 6 points and the accounting module (2.3h) at most 10.',
  },
  legalBasis: {
    decision: '128/KH-SGDĐT',
    date: '2023-10-12',
    issuer: { vi: 'Sở Giáo dục và Đào tạo Hải Phòng', en: 'Hải Phòng Department of Education and Training' },
  },
  derivedFrom: { setKey: '4725', version: '2022.1' },
};

/** Indicator id → Hải Phòng's maximum; the cap `{"if": [condition, max, 0]}` follows it. */
const HAI_PHONG_POINTS: Record<string, number> = { '2.3f': 6, '2.3h': 10 };

type JsonObject = { [key: string]: JsonValue };

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objects(value: JsonValue | undefined): JsonObject[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

function deriveHaiPhong(national: JsonObject): JsonObject {
  const derived: JsonObject = {};
  // Keep the national key order, with derivedFrom right after the legal basis.
  for (const [key, value] of Object.entries(structuredClone(national))) {
    derived[key] = HAI_PHONG_IDENTITY[key] ?? value;
    if (key === 'legalBasis') derived.derivedFrom = HAI_PHONG_IDENTITY.derivedFrom ?? null;
  }
  const changed = new Set<string>();
  for (const group of objects(derived.groups)) {
    for (const criterion of objects(group.criteria)) {
      for (const indicator of objects(criterion.indicators)) {
        const id = indicator.id;
        const points = typeof id === 'string' ? HAI_PHONG_POINTS[id] : undefined;
        if (typeof id !== 'string' || points === undefined) continue;
        const cap = indicator.cap;
        const branches = isObject(cap) ? cap.if : undefined;
        if (!Array.isArray(branches) || branches.length !== 3 || branches[1] !== indicator.max || branches[2] !== 0) {
          throw new Error(`the cap of ${id} is no longer {"if": [condition, max, 0]}: update the recipe`);
        }
        indicator.max = points;
        indicator.cap = { if: [branches[0] ?? null, points, 0] };
        changed.add(id);
      }
    }
  }
  const missing = Object.keys(HAI_PHONG_POINTS).filter((id) => !changed.has(id));
  if (missing.length > 0) throw new Error(`indicators not found in the national set: ${missing.join(', ')}`);
  return derived;
}

describe('the Hải Phòng 2023 set', () => {
  it('is the national set with Hải Phòng’s identity and its 2.3f/2.3h points, byte for byte', async () => {
    const national: JsonValue = JSON.parse(readFileSync(new URL('./national-4725.json', import.meta.url), 'utf8'));
    if (!isObject(national)) throw new Error('the national set is not a JSON object');
    const text = `${JSON.stringify(deriveHaiPhong(national), null, 2)}\n`;
    await expect(text).toMatchFileSnapshot('./haiphong-4725-2023.json');
  });
});
