import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../db/client.ts';
import type { TestProvince } from '../../testing/province.ts';
import { type Headers, campaignBody, campaignWorld, errorOf, openedCampaign, requester } from '../campaigns/test-support.ts';
import type { ReviewView } from './schemas.ts';
import { fillSeed003, historyOf, readReview, reviewStep, schoolPatch, submit } from './test-support.ts';

let store: Store;
let province: TestProvince;
let call: ReturnType<typeof requester>;
let v4725: { setKey: string; number: number; contentHash: string };

beforeAll(async () => {
  ({ store, province, call, v4725 } = await campaignWorld('tinh-quy-tac-danh-gia'));
});

const DECISION = { number: '42/QĐ-PGDĐT', date: '2025-05-10' };

/** A fresh open campaign on 4725 (recognised by the nearest office unless told) and school A1's submission path in it. */
async function campaignFor(rule: 'nearest-office' | 'owner' = 'nearest-office') {
  const body = { ...campaignBody(v4725), recognition: { rule } };
  const { campaign } = await openedCampaign(call, province.headers.provinceAdmin, body);
  return { campaign, a1: `/campaigns/${campaign.id}/submissions/${province.units.schoolA1.id}` };
}

/** School A1's seed-003 dossier, submitted. */
async function submittedA1(rule?: 'nearest-office' | 'owner') {
  const { campaign, a1 } = await campaignFor(rule);
  const filled = await fillSeed003(call, province.headers.editorA1, a1);
  const submitted = await submit(call, province.headers.headA1, a1, filled.submission.version);
  return { campaign, a1, version: submitted.submission.version };
}

/** Takes a submitted dossier through review, acceptance and recognition by Phòng A. */
async function recognisedA1(): Promise<{ a1: string; view: ReviewView }> {
  const { a1, version } = await submittedA1();
  const { reviewerA, officeAdminA } = province.headers;
  let view = await reviewStep(call, reviewerA, a1, 'review/start', { version });
  view = await reviewStep(call, reviewerA, a1, 'accept', { version: view.submission.version });
  view = await reviewStep(call, officeAdminA, a1, 'recognise', { version: view.submission.version, decision: DECISION });
  return { a1, view };
}

async function statusOf(as: Headers, method: string, path: string, body?: unknown): Promise<number> {
  return (await call(as, method, path, body)).status;
}

describe('who reviews', () => {
  it('hides the dossier from a reviewer of another Phòng (404) and forbids review steps to the school (403)', async () => {
    const { campaign, a1, version } = await submittedA1();
    const { reviewerB, editorA1, headA1, headA2, reviewerA } = province.headers;
    for (const [method, step, body] of [
      ['GET', 'review', undefined],
      ['POST', 'review/start', { version }],
      ['PATCH', 'review', { version, awards: { '1.4a': 6 } }],
      ['POST', 'return', { version, comment: 'Trả lại' }],
      ['POST', 'accept', { version }],
      ['POST', 'recognise', { version, decision: DECISION }],
      ['POST', 'publish', { version }],
      ['POST', 'reopen', { version, reason: 'Mở lại' }],
    ] as const) {
      expect(await statusOf(reviewerB, method, `${a1}/${step}`, body), `${method} ${step} by the other Phòng`).toBe(404);
      expect(await statusOf(headA2, method, `${a1}/${step}`, body), `${method} ${step} by another school`).toBe(404);
      if (method !== 'GET') expect(await statusOf(editorA1, method, `${a1}/${step}`, body), `${method} ${step} by the school's editor`).toBe(403);
    }
    expect(await statusOf(headA1, 'POST', `${a1}/review/start`, { version })).toBe(403);
    // The school reads its review (the reviewer's comments are for it); THPT C is not Phòng A's to review.
    expect((await readReview(call, editorA1, a1)).submission.status).toBe('submitted');
    expect(await statusOf(reviewerA, 'POST', `/campaigns/${campaign.id}/submissions/${province.units.thptC.id}/review/start`, { version: 1 })).toBe(404);
    expect((await readReview(call, reviewerA, a1)).submission.version).toBe(version);
  });

  it('leaves review to the campaign’s owner when it recognises every school: the Phòng sees the dossier but gets 403', async () => {
    const { a1, version } = await submittedA1('owner');
    expect(await statusOf(province.headers.reviewerA, 'POST', `${a1}/review/start`, { version })).toBe(403);
    const view = await reviewStep(call, province.headers.provinceAdmin, a1, 'review/start', { version });
    expect(view.submission).toMatchObject({ status: 'in-review', recogniserUnitId: province.units.so.id });
  });
});

describe('the reviewer’s points', () => {
  it('refuses an award above the cap with 400 naming body.awards["1.4a"] and the cap, and writes nothing', async () => {
    const { a1, version } = await submittedA1();
    const started = await reviewStep(call, province.headers.reviewerA, a1, 'review/start', { version });
    const refused = async (body: Record<string, unknown>) => {
      const response = await call(province.headers.reviewerA, 'PATCH', `${a1}/review`, { version: started.submission.version, ...body });
      expect(response.status).toBe(400);
      return (await errorOf(response)).details;
    };
    const [aboveCap] = await refused({ awards: { '1.4a': 11 } });
    expect(aboveCap).toMatchObject({ path: 'body.awards["1.4a"]', code: 'award.above-cap' });
    expect(aboveCap?.message).toContain('10');
    expect(aboveCap?.messageEn).toContain('cap of 10');
    expect((await refused({ awards: { '1.4a': -1 } })).map((d) => [d.path, d.code])).toEqual([['body.awards["1.4a"]', 'award.negative']]);
    expect((await refused({ awards: { '9.9z': 1, '1.1a': 1 }, comments: { '7.7': 'Không có' } })).map((d) => [d.path, d.code])).toEqual([
      ['body.awards["9.9z"]', 'unknown-id'],
      ['body.awards["1.1a"]', 'not-awarded'],
      ['body.comments["7.7"]', 'unknown-id'],
    ]);
    expect((await refused({})).map((d) => d.path)).toEqual(['body']);
    const after = await readReview(call, province.headers.reviewerA, a1);
    expect(after.submission.version).toBe(started.submission.version);
    expect(after.review.awards).toEqual({});
  });

  it('will not accept while a reviewer’s award exceeds the cap the school’s resubmitted answers allow (409 listing it)', async () => {
    const { a1, version } = await submittedA1();
    const { reviewerA, editorA1, headA1 } = province.headers;
    let view = await reviewStep(call, reviewerA, a1, 'review/start', { version });
    view = await reviewStep(call, reviewerA, a1, 'review', { version: view.submission.version, awards: { '1.4a': 8 } });
    view = await reviewStep(call, reviewerA, a1, 'return', { version: view.submission.version, comment: 'Kiểm tra lại số học liệu số' });
    // Fewer materials: the cap of 1.4a falls to 6, and the school lowers its own points with it.
    const edited = await schoolPatch(call, editorA1, a1, { version: view.submission.version, answers: { digital_materials: 30 }, awards: { '1.4a': 6 } });
    const resubmitted = await submit(call, headA1, a1, edited.submission.version);
    view = await reviewStep(call, reviewerA, a1, 'review/start', { version: resubmitted.submission.version });
    expect(view.changesSinceReturn).toMatchObject({ answers: [{ id: 'digital_materials', before: 45, after: 30 }], awards: [{ id: '1.4a', before: 10, after: 6 }], evidence: [] });
    const refused = await call(reviewerA, 'POST', `${a1}/accept`, { version: view.submission.version });
    expect(refused.status).toBe(409);
    expect(await errorOf(refused)).toMatchObject({ code: 'review-incomplete', details: [{ path: 'awards["1.4a"]', code: 'award.above-cap' }] });
    view = await reviewStep(call, reviewerA, a1, 'review', { version: view.submission.version, awards: { '1.4a': null } });
    view = await reviewStep(call, reviewerA, a1, 'accept', { version: view.submission.version });
    expect(view.submission.reviewScore?.groups.map((g) => g.points)).toEqual([80, 94]);
  });
});

describe('the state machine', () => {
  it('answers every illegal step with 409 listing what is allowed now, and a stale version with the current one', async () => {
    const { a1 } = await campaignFor();
    const { reviewerA, officeAdminA, provinceAdmin } = province.headers;
    const illegal = async (as: Headers, method: string, step: string, body: Record<string, unknown>) => {
      const response = await call(as, method, `${a1}/${step}`, body);
      expect(response.status, `${method} ${step}`).toBe(409);
      const error = await errorOf(response);
      expect(error.code).toBe('illegal-transition');
      return error.details.map((d) => d.code);
    };
    expect(await illegal(reviewerA, 'POST', 'review/start', { version: 1 })).toEqual(['allowed.edit', 'allowed.submit']);
    const filled = await fillSeed003(call, province.headers.editorA1, a1);
    const version = (await submit(call, province.headers.headA1, a1, filled.submission.version)).submission.version;
    expect(await illegal(reviewerA, 'POST', 'accept', { version })).toEqual(['allowed.start-review', 'allowed.return']);
    expect(await illegal(reviewerA, 'PATCH', 'review', { version, awards: { '1.4a': 6 } })).toEqual(['allowed.start-review', 'allowed.return']);
    expect(await illegal(officeAdminA, 'POST', 'recognise', { version, decision: DECISION })).toEqual(['allowed.start-review', 'allowed.return']);
    expect(await illegal(provinceAdmin, 'POST', 'reopen', { version, reason: 'Thử' })).toEqual(['allowed.start-review', 'allowed.return']);

    const stale = await call(reviewerA, 'POST', `${a1}/review/start`, { version: version - 1 });
    expect(await errorOf(stale)).toMatchObject({ code: 'conflict', currentVersion: version });
    const started = await reviewStep(call, reviewerA, a1, 'review/start', { version });
    expect(await illegal(officeAdminA, 'POST', 'publish', { version: started.submission.version })).toEqual(['allowed.review', 'allowed.return', 'allowed.accept']);
    const noComment = await call(reviewerA, 'POST', `${a1}/return`, { version: started.submission.version, comment: '  ' });
    expect(noComment.status).toBe(400);
    expect((await errorOf(noComment)).details[0]).toMatchObject({ path: 'body.comment' });
    const accepted = await reviewStep(call, reviewerA, a1, 'accept', { version: started.submission.version });
    expect(await illegal(reviewerA, 'POST', 'return', { version: accepted.submission.version, comment: 'Muộn' })).toEqual(['allowed.recognise']);
    expect(await illegal(officeAdminA, 'POST', 'publish', { version: accepted.submission.version })).toEqual(['allowed.recognise']);
  });
});

describe('recognition and reopening', () => {
  it('checks the decision and the levels: 1..3 for groups of the definition, dated no later than today', async () => {
    const { a1, version } = await submittedA1();
    const { reviewerA, officeAdminA } = province.headers;
    let view = await reviewStep(call, reviewerA, a1, 'review/start', { version });
    view = await reviewStep(call, reviewerA, a1, 'accept', { version: view.submission.version });
    const refused = async (body: Record<string, unknown>) => {
      const response = await call(officeAdminA, 'POST', `${a1}/recognise`, { version: view.submission.version, decision: DECISION, ...body });
      expect(response.status).toBe(400);
      return (await errorOf(response)).details.map((d) => [d.path, d.code]);
    };
    expect(await refused({ levels: { groups: { '1': 4 }, overall: 0 } })).toEqual([
      ['body.levels.groups["1"]', 'too_big'],
      ['body.levels.overall', 'too_small'],
    ]);
    expect(await refused({ levels: { groups: { '9': 2 }, overall: 2 } })).toEqual([['body.levels.groups["9"]', 'unknown-id']]);
    expect(await refused({ decision: { number: '42/QĐ-PGDĐT', date: '2999-01-01' } })).toEqual([['body.decision.date', 'date-in-future']]);
    expect(await refused({ decision: { date: '2025-05-10' } })).toEqual([['body.decision.number', 'invalid_type']]);
    view = await reviewStep(call, officeAdminA, a1, 'recognise', { version: view.submission.version, decision: DECISION, levels: { groups: { '1': 2 }, overall: 2 } });
    expect(view.submission.recognition).toMatchObject({ levels: { groups: { '1': 2, '2': 3 }, overall: 2 }, points: { total: 178 }, levelsAdjusted: true });
    const [event] = await historyOf(call, province.headers.provinceAdmin, a1);
    expect(event).toMatchObject({ action: 'submission.recognised', after: { levels: { overall: 2 }, computedLevels: { overall: 3 } } });
  });

  it('lets the school’s head publish too, never its editor', async () => {
    const { a1, view } = await recognisedA1();
    expect(await statusOf(province.headers.editorA1, 'POST', `${a1}/publish`, { version: view.submission.version })).toBe(403);
    expect(await statusOf(province.headers.reviewerB, 'POST', `${a1}/publish`, { version: view.submission.version })).toBe(404);
    const published = await reviewStep(call, province.headers.headA1, a1, 'publish', { version: view.submission.version });
    expect(published.submission.status).toBe('published');
  });

  it('reopens a published result only by the campaign’s owner, with a reason, audited, and takes it off the public page', async () => {
    const { a1, view: recognised } = await recognisedA1();
    const { officeAdminA, reviewerA, provinceAdmin } = province.headers;
    const published = await reviewStep(call, officeAdminA, a1, 'publish', { version: recognised.submission.version });
    const version = published.submission.version;
    // The unit's page may show other campaigns' results; this campaign's page shows only this one.
    const publicPage = `/public/${province.tenantId}/results?campaignId=${published.submission.campaignId}`;
    expect(await statusOf({}, 'GET', publicPage)).toBe(200);

    expect(await statusOf(officeAdminA, 'POST', `${a1}/reopen`, { version, reason: 'Sai sót' })).toBe(403);
    expect(await statusOf(reviewerA, 'POST', `${a1}/reopen`, { version, reason: 'Sai sót' })).toBe(403);
    const noReason = await call(provinceAdmin, 'POST', `${a1}/reopen`, { version });
    expect((await errorOf(noReason)).details[0]).toMatchObject({ path: 'body.reason' });

    const reason = 'Phát hiện sai sót trong minh chứng tiêu chí 1.4';
    const reopened = await reviewStep(call, provinceAdmin, a1, 'reopen', { version, reason });
    expect(reopened.submission).toMatchObject({ status: 'in-review', recognition: null, publishedAt: null, version: version + 1 });
    expect(reopened.allowedActions).toEqual(['review', 'return', 'accept']);
    expect(await statusOf({}, 'GET', publicPage)).toBe(404);

    const [event] = await historyOf(call, provinceAdmin, a1);
    expect(event).toMatchObject({
      action: 'submission.reopened',
      actor: { kind: 'account', accountId: province.accounts.provinceAdmin.id },
      before: { status: 'published', recognition: { decision: DECISION, levels: { overall: 3 } } },
      after: { status: 'in-review', reason },
    });
    // Back in review, the office can take it through again.
    const again = await reviewStep(call, reviewerA, a1, 'accept', { version: reopened.submission.version });
    expect(again.allowedActions).toEqual(['recognise']);
  });
});
