import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../db/client.ts';
import { type TestProvince, seedProvince } from '../../testing/province.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { createTestStore } from '../../testing/test-store.ts';
import { campaignBody, openedCampaign, publishNational4725, requester } from '../campaigns/test-support.ts';
import { ProgressSchema } from './schemas.ts';

let store: Store;
let province: TestProvince;
let call: ReturnType<typeof requester>;
let campaignId: string;

beforeAll(async () => {
  store = await createTestStore();
  call = requester(createTestApp(store));
  province = await seedProvince(store, 'tinh-don-vi-quan-ly');
  const v4725 = await publishNational4725(store, province.tenantId);
  campaignId = (await openedCampaign(call, province.headers.provinceAdmin, campaignBody(v4725))).campaign.id;
});

async function progress(headers: Record<string, string>, query = '') {
  const response = await call(headers, 'GET', `/campaigns/${campaignId}/progress${query}`);
  expect(response.status).toBe(200);
  return ProgressSchema.parse(await response.json());
}

const officeByUnit = (items: { unitId: string; office: { id: string; name: string } | null }[]) => Object.fromEntries(items.map((row) => [row.unitId, row.office?.id ?? null]));

describe('the office of each progress row', () => {
  it('is the school’s Phòng, or the Sở for a school straight under it, named', async () => {
    const { units } = province;
    const all = await progress(province.headers.provinceAdmin);
    expect(officeByUnit(all.items)).toEqual({
      [units.schoolA1.id]: units.phongA.id,
      [units.schoolA2.id]: units.phongA.id,
      [units.schoolB1.id]: units.phongB.id,
      [units.thptC.id]: units.so.id,
    });
    expect(all.items.find((row) => row.unitId === units.schoolB1.id)?.office).toEqual({ id: units.phongB.id, name: units.phongB.name });
  });

  it('is named for callers who cannot list the office: a Phòng’s reviewer and a school’s head', async () => {
    const { units } = province;
    expect(officeByUnit((await progress(province.headers.reviewerA)).items)).toEqual({ [units.schoolA1.id]: units.phongA.id, [units.schoolA2.id]: units.phongA.id });
    expect((await progress(province.headers.headC)).items.map((row) => row.office)).toEqual([{ id: units.so.id, name: units.so.name }]);
  });

  it('filters by officeId on the server, counts included; an office with no school gives none', async () => {
    const { units } = province;
    const ofA = await progress(province.headers.provinceAdmin, `?officeId=${units.phongA.id}`);
    expect(ofA.items.map((row) => row.unitId).sort()).toEqual([units.schoolA1.id, units.schoolA2.id].sort());
    expect(ofA.total).toBe(2);
    expect(ofA.counts['not-started']).toBe(2);
    const primaryOfA = await progress(province.headers.provinceAdmin, `?officeId=${units.phongA.id}&kind=primary`);
    expect(primaryOfA.items.map((row) => row.unitId)).toEqual([units.schoolA1.id]);
    expect((await progress(province.headers.provinceAdmin, `?officeId=${units.so.id}`)).items.map((row) => row.unitId)).toEqual([units.thptC.id]);
    expect((await progress(province.headers.provinceAdmin, '?officeId=khong-co')).total).toBe(0);
    expect((await call(province.headers.provinceAdmin, 'GET', `/campaigns/${campaignId}/progress?officeId=A%23B`)).status).toBe(400);
  });

  it('follows a move: a school moved to another Phòng is listed under it at once', async () => {
    const { units } = province;
    const moved = await call(province.headers.provinceAdmin, 'POST', `/units/${units.schoolA2.id}/move`, { version: 1, parentId: units.phongB.id });
    expect(moved.status).toBe(200);
    const after = await progress(province.headers.provinceAdmin);
    expect(after.items.find((row) => row.unitId === units.schoolA2.id)?.office).toEqual({ id: units.phongB.id, name: units.phongB.name });
    expect((await progress(province.headers.reviewerB)).items.map((row) => row.unitId).sort()).toEqual([units.schoolA2.id, units.schoolB1.id].sort());
  });
});
