import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../db/client.ts';
import { StateConflictError } from '../../errors.ts';
import type { TestProvince } from '../../testing/province.ts';
import { AuditEventPageSchema } from '../audit-events/schemas.ts';
import { CampaignSchema, ExtensionListSchema, ExtensionSchema } from '../campaigns/schemas.ts';
import { campaignBody, campaignWorld, errorOf, openedCampaign, requester } from '../campaigns/test-support.ts';
import { ProgressSchema, SubmissionViewSchema } from '../submissions/schemas.ts';
import { submitSubmission } from '../submissions/use-cases.ts';
import { publishSubmission, recogniseSubmission } from './recognition.ts';
import { callerOf, clockedDeps, fillSeed003 } from './test-support.ts';
import { acceptSubmission, patchReview, returnSubmission, startReview } from './use-cases.ts';

let store: Store;
let province: TestProvince;
let call: ReturnType<typeof requester>;
let v4725: { setKey: string; number: number; contentHash: string };

beforeAll(async () => {
  ({ store, province, call, v4725 } = await campaignWorld('tinh-han-chot'));
});

/** The plan of a school year (seed 002's appendix): every step's last day, inclusive, Vietnam time. */
const DEADLINES = { selfAssessment: '2025-01-31', reviewRequest: '2025-02-15', externalReview: '2025-03-31', recognition: '2025-05-15', publication: '2025-05-31' };
const DECISION = { number: '88/QĐ-PGDĐT', date: '2025-05-16' };

// The injected clock every use case of these tests reads.
let time = '2025-01-20T09:00:00+07:00';
const deps = () => clockedDeps(store, () => new Date(time));
const as = (name: 'headA1' | 'reviewerA' | 'officeAdminA') => callerOf(store, province.tenantId, province.accounts[name].id);

/** School A1's seed-003 dossier in a fresh campaign of DEADLINES, submitted on 30 January. */
async function submittedA1() {
  const { campaign } = await openedCampaign(call, province.headers.provinceAdmin, campaignBody(v4725, { deadlines: DEADLINES }));
  const unitId = province.units.schoolA1.id;
  const a1 = `/campaigns/${campaign.id}/submissions/${unitId}`;
  const filled = await fillSeed003(call, province.headers.editorA1, a1);
  time = '2025-01-30T10:00:00+07:00';
  const submitted = await submitSubmission(deps(), await as('headA1'), campaign.id, unitId, filled.submission.version);
  return { campaign, unitId, a1, version: submitted.submission.version };
}

/** The refusal a use case answers with; fails the test if it succeeds or fails otherwise. */
async function refusal(attempt: Promise<unknown>): Promise<StateConflictError> {
  try {
    await attempt;
  } catch (error) {
    if (error instanceof StateConflictError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

async function storedVersion(a1: string): Promise<number> {
  const response = await call(province.headers.provinceAdmin, 'GET', a1);
  return SubmissionViewSchema.parse(await response.json()).submission.version;
}

async function grant(campaignId: string, body: Record<string, unknown>) {
  return call(province.headers.provinceAdmin, 'POST', `/campaigns/${campaignId}/extensions`, body);
}

describe('the external-review deadline', () => {
  it('refuses starting, scoring, returning and accepting after its day (409 naming it), until the owner extends the step for the school', async () => {
    const { campaign, unitId, a1, version } = await submittedA1();
    const reviewer = await as('reviewerA');

    time = '2025-04-01T00:00:00+07:00';
    const starting = await refusal(startReview(deps(), reviewer, campaign.id, unitId, version));
    expect(starting).toMatchObject({
      code: 'deadline-passed',
      currentVersion: version,
      details: [{ path: 'deadline.externalReview', code: 'deadline-passed', messageEn: expect.stringContaining('2025-03-31') }],
    });
    expect(starting.messageVi).toContain('hạn đánh giá ngoài (2025-03-31)');
    expect(await storedVersion(a1)).toBe(version);

    // The owner gives this school ten more days of review, recorded in the campaign's history.
    const granted = await grant(campaign.id, { unitId, step: 'externalReview', until: '2025-04-10' });
    expect(granted.status).toBe(200);
    expect(ExtensionSchema.parse(await granted.json())).toMatchObject({ unitId, step: 'externalReview', until: '2025-04-10', version: 1 });
    const history = AuditEventPageSchema.parse(await (await call(province.headers.provinceAdmin, 'GET', `/campaigns/${campaign.id}/history`)).json()).items;
    expect(history[0]).toMatchObject({ action: 'campaign.extension-granted', before: null, after: { unitId, step: 'externalReview', until: '2025-04-10' } });
    const started = await startReview(deps(), reviewer, campaign.id, unitId, version);
    // The last second of the extended day still counts.
    time = '2025-04-10T23:59:59+07:00';
    const scored = await patchReview(deps(), reviewer, campaign.id, unitId, { version: started.submission.version, awards: { '1.4a': 6 } });
    const inReview = scored.submission.version;

    time = '2025-04-11T00:00:00+07:00';
    for (const late of [
      () => patchReview(deps(), reviewer, campaign.id, unitId, { version: inReview, awards: { '1.4a': 5 } }),
      () => returnSubmission(deps(), reviewer, campaign.id, unitId, { version: inReview, comment: 'Bổ sung minh chứng' }),
      () => acceptSubmission(deps(), reviewer, campaign.id, unitId, inReview),
    ])
      expect(await refusal(late())).toMatchObject({ code: 'deadline-passed', details: [{ path: 'deadline.externalReview', messageEn: expect.stringContaining('2025-04-10') }] });
    expect(await storedVersion(a1)).toBe(inReview);

    expect(ExtensionSchema.parse(await (await grant(campaign.id, { unitId, step: 'externalReview', until: '2025-04-20' })).json())).toMatchObject({ until: '2025-04-20', version: 2 });
    const accepted = await acceptSubmission(deps(), reviewer, campaign.id, unitId, inReview);
    expect(accepted.submission).toMatchObject({ status: 'accepted', reviewScore: { total: 174, overallLevel: 3 } });

    // The extension is of this step only.
    const extensions = ExtensionListSchema.parse(await (await call(province.headers.provinceAdmin, 'GET', `/campaigns/${campaign.id}/extensions`)).json());
    expect(extensions.items.map((e) => [e.unitId, e.step, e.until])).toEqual([[unitId, 'externalReview', '2025-04-20']]);
  });
});

describe('the recognition and publication deadlines', () => {
  it('refuse recognising and publishing after their day; a later campaign deadline or the school’s extension lifts each', async () => {
    const { campaign, unitId, a1, version } = await submittedA1();
    const [reviewer, office, head] = await Promise.all([as('reviewerA'), as('officeAdminA'), as('headA1')]);
    time = '2025-03-01T09:00:00+07:00';
    const started = await startReview(deps(), reviewer, campaign.id, unitId, version);
    const accepted = await acceptSubmission(deps(), reviewer, campaign.id, unitId, started.submission.version);

    time = '2025-05-16T08:00:00+07:00';
    const recognising = { version: accepted.submission.version, decision: DECISION };
    expect(await refusal(recogniseSubmission(deps(), office, campaign.id, unitId, recognising))).toMatchObject({
      code: 'deadline-passed',
      details: [{ path: 'deadline.recognition', messageEn: expect.stringContaining('2025-05-15') }],
    });
    expect(await storedVersion(a1)).toBe(accepted.submission.version);

    // The owner moves the campaign's own deadlines (audited as a change of the campaign): every school gets the days.
    const moved = await call(province.headers.provinceAdmin, 'PATCH', `/campaigns/${campaign.id}`, {
      version: campaign.version,
      deadlines: { recognition: '2025-05-20', publication: '2025-06-30' },
    });
    expect(moved.status).toBe(200);
    expect(CampaignSchema.parse(await moved.json()).deadlines).toMatchObject({ recognition: '2025-05-20', publication: '2025-06-30' });
    const recognised = await recogniseSubmission(deps(), office, campaign.id, unitId, recognising);
    expect(recognised.submission.recognition).toMatchObject({ decision: DECISION, levels: { overall: 3 } });

    time = '2025-07-01T07:00:00+07:00';
    expect(await refusal(publishSubmission(deps(), head, campaign.id, unitId, recognised.submission.version))).toMatchObject({
      code: 'deadline-passed',
      details: [{ path: 'deadline.publication', messageEn: expect.stringContaining('2025-06-30') }],
    });
    // Through the API (on the real clock, long past that day) the same refusal is a 409 in the one error shape.
    const overHttp = await call(province.headers.headA1, 'POST', `${a1}/publish`, { version: recognised.submission.version });
    expect(overHttp.status).toBe(409);
    expect(await errorOf(overHttp)).toMatchObject({
      code: 'deadline-passed',
      message: expect.stringContaining('hạn công bố (2025-06-30)'),
      currentVersion: recognised.submission.version,
      details: [{ path: 'deadline.publication', code: 'deadline-passed' }],
    });
    expect((await grant(campaign.id, { unitId, step: 'publication', until: '2025-07-05' })).status).toBe(200);
    const published = await publishSubmission(deps(), head, campaign.id, unitId, recognised.submission.version);
    expect(published.submission.status).toBe('published');
    const progress = ProgressSchema.parse(await (await call(province.headers.provinceAdmin, 'GET', `/campaigns/${campaign.id}/progress?status=published`)).json());
    expect(progress.items.map((row) => row.unitId)).toEqual([unitId]);
  });
});

describe('extensions of a step', () => {
  it('name a step whose deadline is enforced and a day from the campaign’s deadline of that step on (400 otherwise)', async () => {
    const { campaign } = await openedCampaign(call, province.headers.provinceAdmin, campaignBody(v4725, { deadlines: DEADLINES }));
    const unitId = province.units.schoolA2.id;
    const planOnly = await grant(campaign.id, { unitId, step: 'reviewRequest', until: '2025-03-01' });
    expect(planOnly.status).toBe(400);
    expect((await errorOf(planOnly)).details[0]).toMatchObject({ path: 'body.step' });
    const early = await grant(campaign.id, { unitId, step: 'recognition', until: '2025-05-01' });
    expect(early.status).toBe(400);
    expect((await errorOf(early)).details[0]).toMatchObject({ path: 'body.until', code: 'before-deadline', messageEn: expect.stringContaining('recognition deadline (2025-05-15)') });

    // A school's extensions of different steps are separate, each with its own version.
    expect((await grant(campaign.id, { unitId, until: '2025-02-05' })).status).toBe(200);
    expect((await grant(campaign.id, { unitId, step: 'recognition', until: '2025-05-25' })).status).toBe(200);
    const moved = ExtensionSchema.parse(await (await grant(campaign.id, { unitId, step: 'recognition', until: '2025-05-28' })).json());
    expect(moved).toMatchObject({ step: 'recognition', until: '2025-05-28', version: 2 });
    const listed = ExtensionListSchema.parse(await (await call(province.headers.provinceAdmin, 'GET', `/campaigns/${campaign.id}/extensions`)).json());
    expect(listed.items.map((e) => [e.step, e.until]).sort()).toEqual([
      ['recognition', '2025-05-28'],
      ['selfAssessment', '2025-02-05'],
    ]);
  });
});
