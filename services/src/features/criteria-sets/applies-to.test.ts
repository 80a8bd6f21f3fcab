import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { findBuiltInSet } from '@chiso/criteria/sets';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../db/client.ts';
import { type TestProvince, seedProvince } from '../../testing/province.ts';
import { adminContext, createTestApp } from '../../testing/test-app.ts';
import { createTestStore } from '../../testing/test-store.ts';
import { criteriaVersionKeys } from './keys.ts';
import { CriteriaCatalogueSchema, CriteriaVersionListSchema } from './responses.ts';
import { criteriaSetRepository } from './repository.ts';
import { createDraft, publishVersion } from './use-cases.ts';

let store: Store;
let province: TestProvince;
let app: ReturnType<typeof createTestApp>;

// The national 4725 is for general and continuing education: every kind of school but preschools.
const KINDS_4725 = [...(findBuiltInSet('4725')?.appliesTo ?? [])];

beforeAll(async () => {
  store = await createTestStore();
  app = createTestApp(store);
  province = await seedProvince(store, 'tinh-ap-dung');
  const deps = { sets: criteriaSetRepository(store) };
  const ctx = adminContext(province.tenantId);
  const draft = await createDraft(deps, ctx, { from: 'clone', source: { builtIn: '4725' }, label: '2022.1' });
  await publishVersion(deps, ctx, draft.version.setKey, draft.version.number, draft.version.version);
  await createDraft(deps, ctx, { from: 'clone', source: { builtIn: '4725' }, label: '2026.1' });
});

const get = async (path: string) => {
  const response = await app.request(`/api${path}`, { headers: province.headers.provinceViewer });
  expect(response.status).toBe(200);
  return response.json();
};

describe('version listings', () => {
  it('say which kinds of unit each version applies to, without its definition', async () => {
    expect(KINDS_4725).toContain('continuing-education');
    expect(KINDS_4725).not.toContain('preschool');
    const published = CriteriaVersionListSchema.parse(await get('/criteria-versions?status=published'));
    expect(published.items.map((version) => [version.label, [...version.appliesTo].sort()])).toEqual([['2022.1', [...KINDS_4725].sort()]]);
    const catalogue = CriteriaCatalogueSchema.parse(await get('/criteria-sets'));
    const versions = catalogue.sets.flatMap((set) => set.versions);
    expect(versions.map((version) => version.label)).toEqual(['2022.1', '2026.1']);
    for (const version of versions) expect([...version.appliesTo].sort()).toEqual([...KINDS_4725].sort());
    expect(JSON.stringify(published)).not.toContain('"groups"');
  });

  it('fill it from the definition for a version stored before it was copied onto the item', async () => {
    const keys = criteriaVersionKeys(adminContext(province.tenantId), '4725', 1, 'published');
    await store.db.send(new UpdateCommand({ TableName: store.tableName, Key: { pk: keys.pk, sk: keys.sk }, UpdateExpression: 'REMOVE appliesTo' }));
    const published = CriteriaVersionListSchema.parse(await get('/criteria-versions?status=published'));
    expect([...(published.items[0]?.appliesTo ?? [])].sort()).toEqual([...KINDS_4725].sort());
  });
});
