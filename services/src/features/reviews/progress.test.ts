import { seed003Example } from '@chiso/criteria/sets';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../db/client.ts';
import type { TestProvince } from '../../testing/province.ts';
import { type Headers, campaignBody, campaignWorld, openedCampaign, requester } from '../campaigns/test-support.ts';
import { type Progress, ProgressSchema } from '../submissions/schemas.ts';
import { fillSeed003, reviewStep, schoolPatch, submit } from './test-support.ts';

let store: Store;
let province: TestProvince;
let call: ReturnType<typeof requester>;
let v4725: { setKey: string; number: number; contentHash: string };

beforeAll(async () => {
  ({ store, province, call, v4725 } = await campaignWorld('tinh-tien-do-muc'));
});

const DECISION = { number: '17/QĐ-PGDĐT', date: '2025-05-12' };

describe('campaign progress with levels', () => {
  it('shows beside each status the school’s own levels, the reviewer’s once reviewed and the recognised ones, and keeps its filters', async () => {
    const { headers, units } = province;
    const { campaign } = await openedCampaign(call, headers.provinceAdmin, campaignBody(v4725));
    const pathOf = (unitId: string) => `/campaigns/${campaign.id}/submissions/${unitId}`;
    const progress = async (as: Headers = headers.provinceAdmin, query = ''): Promise<Progress> => {
      const response = await call(as, 'GET', `/campaigns/${campaign.id}/progress${query}`);
      expect(response.status).toBe(200);
      return ProgressSchema.parse(await response.json());
    };
    const rowOf = (view: Progress, unitId: string) => view.items.find((row) => row.unitId === unitId);
    const pointsAndLevels = (levels: { groups: { points: number; level: number }[] } | null | undefined) => levels?.groups.map((g) => [g.points, g.level]);

    // Nothing started: no levels at all.
    expect(rowOf(await progress(), units.schoolA1.id)).toMatchObject({ status: 'not-started', levels: { self: null, review: null, recognised: null } });

    // A1 fills seed 003 (84 / 94); A2 answers a little, the school's own levels follow as it types.
    const a1 = pathOf(units.schoolA1.id);
    const filled = await fillSeed003(call, headers.editorA1, a1);
    const a2 = pathOf(units.schoolA2.id);
    await schoolPatch(call, headers.headA2, a2, { version: 1, answers: { digital_materials: seed003Example.answers.digital_materials } });
    let view = await progress();
    expect(rowOf(view, units.schoolA1.id)).toMatchObject({ status: 'draft', levels: { self: { total: 178, overallLevel: 3 }, review: null, recognised: null } });
    expect(pointsAndLevels(rowOf(view, units.schoolA1.id)?.levels.self)).toEqual([
      [84, 3],
      [94, 3],
    ]);
    expect(rowOf(view, units.schoolA2.id)).toMatchObject({ status: 'draft', levels: { self: { overallLevel: 1 }, review: null } });

    // In review, the reviewer lowers 1.4a: its levels show next to the school's.
    const submitted = await submit(call, headers.headA1, a1, filled.submission.version);
    let review = await reviewStep(call, headers.reviewerA, a1, 'review/start', { version: submitted.submission.version });
    review = await reviewStep(call, headers.reviewerA, a1, 'review', { version: review.submission.version, awards: { '1.4a': 6 } });
    const inReview = rowOf(await progress(headers.reviewerA), units.schoolA1.id);
    expect(inReview).toMatchObject({ status: 'in-review', levels: { self: { total: 178 }, review: { total: 174, overallLevel: 3 }, recognised: null } });
    // The deadline a row waits on follows the step: the school's own while drafting, the review's once submitted,
    // with the unit's extension of that step.
    expect(rowOf(view, units.schoolA2.id)?.nextDeadline).toEqual({ step: 'selfAssessment', applies: campaign.deadlines.selfAssessment, passed: false });
    expect(inReview?.nextDeadline).toEqual({ step: 'externalReview', applies: campaign.deadlines.externalReview, passed: false });
    const later = new Date(Date.parse(`${campaign.deadlines.externalReview}T00:00:00Z`) + 10 * 86_400_000).toISOString().slice(0, 10);
    const granted = await call(headers.provinceAdmin, 'POST', `/campaigns/${campaign.id}/extensions`, { unitId: units.schoolA1.id, step: 'externalReview', until: later, reason: 'Đoàn đánh giá đổi lịch' });
    expect(granted.status).toBe(200);
    expect(rowOf(await progress(headers.reviewerA), units.schoolA1.id)?.nextDeadline).toEqual({ step: 'externalReview', applies: later, passed: false });
    expect(pointsAndLevels(inReview?.levels.review)).toEqual([
      [80, 3],
      [94, 3],
    ]);

    // Recognised with a decision that sets group 1 at level 2: the recognised levels are the decision's.
    review = await reviewStep(call, headers.reviewerA, a1, 'accept', { version: review.submission.version });
    await reviewStep(call, headers.officeAdminA, a1, 'recognise', { version: review.submission.version, decision: DECISION, levels: { groups: { '1': 2 }, overall: 2 } });
    const recognised = await progress(headers.provinceAdmin, '?status=recognised');
    expect(recognised.items.map((row) => row.unitId)).toEqual([units.schoolA1.id]);
    expect(recognised.items[0]?.levels).toEqual({
      self: { total: 178, overallLevel: 3, groups: [{ id: '1', points: 84, level: 3 }, { id: '2', points: 94, level: 3 }] },
      review: { total: 174, overallLevel: 3, groups: [{ id: '1', points: 80, level: 3 }, { id: '2', points: 94, level: 3 }] },
      recognised: { total: 174, overallLevel: 2, groups: [{ id: '1', points: 80, level: 2 }, { id: '2', points: 94, level: 3 }], decision: DECISION },
    });
    expect(recognised.counts).toMatchObject({ recognised: 1, draft: 1, 'not-started': 2 });

    // The kind filter and the reviewer's scope still apply.
    const primary = await progress(headers.provinceAdmin, '?kind=primary');
    expect(primary.items.map((row) => [row.unitId, row.levels.recognised?.overallLevel ?? null])).toEqual([
      [units.schoolA1.id, 2],
      [units.schoolB1.id, null],
    ]);
    expect((await progress(headers.reviewerB)).items.map((row) => [row.unitId, row.levels.self])).toEqual([[units.schoolB1.id, null]]);
  });
});
