import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../db/client.ts';
import type { TestProvince } from '../../testing/province.ts';
import { AuditEventPageSchema } from '../audit-events/schemas.ts';
import { ExtensionListSchema, ExtensionSchema } from './schemas.ts';
import { campaignBody, campaignWorld, errorOf, openedCampaign, requester } from './test-support.ts';

let store: Store;
let province: TestProvince;
let call: ReturnType<typeof requester>;
let v4725: { setKey: string; number: number; contentHash: string };

beforeAll(async () => {
  ({ store, province, call, v4725 } = await campaignWorld('tinh-ly-do-gia-han'));
});

describe('the reason of an extension', () => {
  it('is trimmed, stored, listed and kept in the audit event; a new day without one leaves none', async () => {
    const { campaign } = await openedCampaign(call, province.headers.provinceAdmin, campaignBody(v4725));
    const path = `/campaigns/${campaign.id}/extensions`;
    const unitId = province.units.schoolA1.id;
    const granted = await call(province.headers.provinceAdmin, 'POST', path, { unitId, until: '2099-02-10', reason: '  Bão số 3 làm mất điện nhiều ngày  ' });
    expect(granted.status).toBe(200);
    expect(ExtensionSchema.parse(await granted.json())).toMatchObject({ unitId, until: '2099-02-10', reason: 'Bão số 3 làm mất điện nhiều ngày', version: 1 });

    const listed = ExtensionListSchema.parse(await (await call(province.headers.provinceAdmin, 'GET', path)).json());
    expect(listed.items).toEqual([expect.objectContaining({ unitId, reason: 'Bão số 3 làm mất điện nhiều ngày' })]);
    const history = AuditEventPageSchema.parse(await (await call(province.headers.provinceAdmin, 'GET', `/campaigns/${campaign.id}/history`)).json());
    expect(history.items[0]).toMatchObject({ action: 'campaign.extension-granted', before: null, after: { unitId, until: '2099-02-10', reason: 'Bão số 3 làm mất điện nhiều ngày' } });
    // The history names the person, not only the account id.
    const admin = province.accounts.provinceAdmin;
    expect(history.items[0]?.actor).toEqual({ kind: 'account', accountId: admin.id, name: admin.name });

    // The same day with another reason is a change of its own, audited with both reasons.
    const reworded = ExtensionSchema.parse(await (await call(province.headers.provinceAdmin, 'POST', path, { unitId, until: '2099-02-10', reason: 'Trường sửa chữa phòng máy' })).json());
    expect(reworded).toMatchObject({ reason: 'Trường sửa chữa phòng máy', version: 2 });
    const moved = ExtensionSchema.parse(await (await call(province.headers.provinceAdmin, 'POST', path, { unitId, until: '2099-02-12' })).json());
    expect(moved).toMatchObject({ until: '2099-02-12', reason: null, version: 3 });
    const [latest] = AuditEventPageSchema.parse(await (await call(province.headers.provinceAdmin, 'GET', `/campaigns/${campaign.id}/history`)).json()).items;
    expect(latest).toMatchObject({ before: { until: '2099-02-10', reason: 'Trường sửa chữa phòng máy' }, after: { until: '2099-02-12', reason: null } });
  });

  it('may be left out by older clients, and is refused naming body.reason when too short or too long', async () => {
    const { campaign } = await openedCampaign(call, province.headers.provinceAdmin, campaignBody(v4725));
    const path = `/campaigns/${campaign.id}/extensions`;
    const unitId = province.units.schoolB1.id;
    const short = await call(province.headers.provinceAdmin, 'POST', path, { unitId, until: '2099-02-10', reason: ' ab ' });
    expect(short.status).toBe(400);
    expect((await errorOf(short)).details[0]).toMatchObject({ path: 'body.reason' });
    const long = await call(province.headers.provinceAdmin, 'POST', path, { unitId, until: '2099-02-10', reason: 'x'.repeat(501) });
    expect(long.status).toBe(400);
    expect((await errorOf(long)).details[0]).toMatchObject({ path: 'body.reason' });
    const without = await call(province.headers.provinceAdmin, 'POST', path, { unitId, until: '2099-02-10' });
    expect(without.status).toBe(200);
    expect(ExtensionSchema.parse(await without.json())).toMatchObject({ unitId, reason: null });
  });
});
