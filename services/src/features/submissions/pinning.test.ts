import { type Definition, DefinitionSchema } from '@chiso/criteria';
import { seed003Example } from '@chiso/criteria/sets';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../db/client.ts';
import { type TestProvince, seedProvince } from '../../testing/province.ts';
import { adminContext, createTestApp } from '../../testing/test-app.ts';
import { createTestStore } from '../../testing/test-store.ts';
import { CampaignSchema } from '../campaigns/schemas.ts';
import { campaignBody, openedCampaign, publishNational4725, requester } from '../campaigns/test-support.ts';
import { criteriaSetRepository } from '../criteria-sets/repository.ts';
import { createDraft, getVersion, publishVersion, updateDraft } from '../criteria-sets/use-cases.ts';
import { type SubmissionView, SubmissionViewSchema } from './schemas.ts';

let store: Store;
let province: TestProvince;
let call: ReturnType<typeof requester>;

beforeAll(async () => {
  store = await createTestStore();
  call = requester(createTestApp(store));
  province = await seedProvince(store, 'tinh-phien-ban');
});

/** The definition with Hải Phòng's 2023 points: 2.3f worth 6 (not 10), 2.3h worth 10 (not 6). */
function withHaiPhongPoints(definition: Definition): Definition {
  const copy = DefinitionSchema.parse(JSON.parse(JSON.stringify(definition)));
  for (const group of copy.groups)
    for (const criterion of group.criteria)
      for (const indicator of criterion.indicators) {
        const points = indicator.id === '2.3f' ? 6 : indicator.id === '2.3h' ? 10 : null;
        if (points === null) continue;
        const field = indicator.fields[0]?.id ?? '';
        indicator.max = points;
        indicator.cap = { if: [{ var: field }, points, 0] };
      }
  return copy;
}

async function fill(path: string, awards: Record<string, number>): Promise<SubmissionView> {
  let version = 1;
  for (const body of [{ answers: seed003Example.answers }, { awards }]) {
    const response = await call(province.headers.editorA1, 'PATCH', path, { version, ...body });
    expect(response.status).toBe(200);
    version = SubmissionViewSchema.parse(await response.json()).submission.version;
  }
  return SubmissionViewSchema.parse(await (await call(province.headers.editorA1, 'GET', path)).json());
}

describe('a criteria version published later', () => {
  it('is used by a new campaign at once, while the old campaign’s submissions keep their version, hash and scores', async () => {
    const first = await publishNational4725(store, province.tenantId);
    const old = await openedCampaign(call, province.headers.provinceAdmin, campaignBody(first));
    const oldPath = `/campaigns/${old.campaign.id}/submissions/${province.units.schoolA1.id}`;
    const before = await fill(oldPath, seed003Example.awards);
    expect(before.score.groups.map((g) => g.points)).toEqual([84, 94]);

    const deps = { sets: criteriaSetRepository(store) };
    const ctx = adminContext(province.tenantId);
    const draft = await createDraft(deps, ctx, { from: 'clone', source: { setKey: first.setKey, number: first.number }, setKey: first.setKey, label: '2025.1' });
    const current = await getVersion(deps, ctx, draft.version.setKey, draft.version.number);
    const edited = await updateDraft(deps, ctx, draft.version.setKey, draft.version.number, { version: current.version.version, definition: withHaiPhongPoints(current.definition) });
    const second = await publishVersion(deps, ctx, edited.version.setKey, edited.version.number, edited.version.version);
    expect(second.number).toBe(2);
    expect(second.contentHash).not.toBe(first.contentHash);

    const fresh = await openedCampaign(call, province.headers.provinceAdmin, { ...campaignBody(second), schoolYear: '2025-2026' });
    expect(fresh.enrolled).toBe(4);
    const freshPath = `/campaigns/${fresh.campaign.id}/submissions/${province.units.schoolA1.id}`;
    const now = await fill(freshPath, { ...seed003Example.awards, '2.3f': 6, '2.3h': 6 });
    expect(now.definition).toMatchObject({ setKey: first.setKey, number: 2, contentHash: second.contentHash });
    expect(now.score.groups.map((g) => g.points)).toEqual([84, 90]);

    const after = SubmissionViewSchema.parse(await (await call(province.headers.headA1, 'GET', oldPath)).json());
    expect(after.definition).toEqual(before.definition);
    expect(after.definition).toMatchObject({ number: 1, contentHash: first.contentHash });
    expect(after.score).toEqual(before.score);
    expect(after.submission.score).toEqual(before.submission.score);
    const oldCampaign = CampaignSchema.parse(await (await call(province.headers.provinceAdmin, 'GET', `/campaigns/${old.campaign.id}`)).json());
    expect(oldCampaign.criteria.map((c) => [c.number, c.contentHash])).toEqual([[1, first.contentHash]]);
  });
});
