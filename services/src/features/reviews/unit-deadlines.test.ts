import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../db/client.ts';
import type { TestProvince } from '../../testing/province.ts';
import { unitDeadlines } from '../campaigns/deadlines.ts';
import { PAST_DEADLINES, campaignBody, campaignWorld, openedCampaign, requester } from '../campaigns/test-support.ts';
import { SubmissionViewSchema } from '../submissions/schemas.ts';
import { ReviewViewSchema } from './schemas.ts';

let store: Store;
let province: TestProvince;
let call: ReturnType<typeof requester>;
let v4725: { setKey: string; number: number; contentHash: string };

beforeAll(async () => {
  ({ store, province, call, v4725 } = await campaignWorld('tinh-han-don-vi'));
});

describe('a unit’s deadlines of every step', () => {
  it('are shown with the submission and its review: the campaign’s day, the unit’s extension, the day that applies, passed or not', async () => {
    const { campaign } = await openedCampaign(call, province.headers.provinceAdmin, campaignBody(v4725, { deadlines: PAST_DEADLINES }));
    const unitId = province.units.schoolA1.id;
    const extend = (body: Record<string, unknown>) => call(province.headers.provinceAdmin, 'POST', `/campaigns/${campaign.id}/extensions`, { unitId, ...body });
    expect((await extend({ step: 'externalReview', until: '2099-04-30', reason: 'Phòng thiếu người đánh giá' })).status).toBe(200);
    // Another school's extension of the same step is not this one's.
    expect((await call(province.headers.provinceAdmin, 'POST', `/campaigns/${campaign.id}/extensions`, { unitId: province.units.schoolA2.id, step: 'recognition', until: '2099-06-30' })).status).toBe(200);

    const expected = {
      selfAssessment: { campaign: '2020-01-31', extension: null, applies: '2020-01-31', passed: true },
      reviewRequest: { campaign: '2020-02-15', extension: null, applies: '2020-02-15', passed: true },
      externalReview: { campaign: '2020-03-31', extension: '2099-04-30', applies: '2099-04-30', passed: false },
      recognition: { campaign: '2020-05-15', extension: null, applies: '2020-05-15', passed: true },
      publication: { campaign: '2020-05-31', extension: null, applies: '2020-05-31', passed: true },
    };
    const path = `/campaigns/${campaign.id}/submissions/${unitId}`;
    const view = SubmissionViewSchema.parse(await (await call(province.headers.headA1, 'GET', path)).json());
    expect(view.deadlines).toEqual(expected);
    const review = ReviewViewSchema.parse(await (await call(province.headers.reviewerA, 'GET', `${path}/review`)).json());
    expect(review.deadlines).toEqual(expected);
  });

  it('hold until the end of the day in Vietnam, and an extension earlier than a moved campaign deadline never shortens it', () => {
    const campaign = {
      id: 'k',
      ownerUnitId: 'so',
      ownerPath: 'so/',
      name: 'Kỳ thử',
      schoolYear: '2024-2025',
      status: 'open' as const,
      criteria: [],
      deadlines: { selfAssessment: '2025-01-31', reviewRequest: '2025-02-15', externalReview: '2025-03-31', recognition: '2025-05-15', publication: '2025-05-31' },
      recognition: { rule: 'nearest-office' as const },
      version: 1,
      createdAt: '2024-11-01T00:00:00.000Z',
      updatedAt: '2024-11-01T00:00:00.000Z',
      openedAt: null,
      closedAt: null,
    };
    const early = { campaignId: 'k', unitId: 'a', step: 'selfAssessment' as const, until: '2025-01-20', reason: null, grantedBy: 'x', version: 1, createdAt: '', updatedAt: '' };
    const lastMinute = unitDeadlines(campaign, [early], new Date('2025-01-31T23:59:00+07:00'));
    expect(lastMinute.selfAssessment).toEqual({ campaign: '2025-01-31', extension: '2025-01-20', applies: '2025-01-31', passed: false });
    expect(unitDeadlines(campaign, [], new Date('2025-02-01T00:00:01+07:00')).selfAssessment.passed).toBe(true);
  });
});
