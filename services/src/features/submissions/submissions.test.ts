import { seed003Example } from '@chiso/criteria/sets';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../db/client.ts';
import type { TestProvince } from '../../testing/province.ts';
import { AuditEventPageSchema } from '../audit-events/schemas.ts';
import { PAST_DEADLINES, campaignBody, campaignWorld, errorOf, openedCampaign, requester } from '../campaigns/test-support.ts';
import { type SubmissionView, SubmissionViewSchema } from './schemas.ts';

let store: Store;
let province: TestProvince;
let call: ReturnType<typeof requester>;
let v4725: { setKey: string; number: number; contentHash: string };

beforeAll(async () => {
  ({ store, province, call, v4725 } = await campaignWorld('tinh-tu-danh-gia'));
});

type Headers = Record<string, string>;

/** A fresh open campaign on 4725 (deadlines in the future unless given) and the path of school A1's submission in it. */
async function campaignFor(deadlines?: Record<string, string>) {
  const { campaign } = await openedCampaign(call, province.headers.provinceAdmin, campaignBody(v4725, deadlines === undefined ? {} : { deadlines }));
  return { campaign, a1: `/campaigns/${campaign.id}/submissions/${province.units.schoolA1.id}` };
}

async function read(path: string, as: Headers = province.headers.editorA1): Promise<SubmissionView> {
  const response = await call(as, 'GET', path);
  expect(response.status).toBe(200);
  return SubmissionViewSchema.parse(await response.json());
}

async function patch(path: string, body: Record<string, unknown>, as: Headers = province.headers.editorA1): Promise<SubmissionView> {
  const response = await call(as, 'PATCH', path, body);
  if (response.status !== 200) throw new Error(`PATCH ${response.status}: ${JSON.stringify(await response.json())}`);
  return SubmissionViewSchema.parse(await response.json());
}

async function history(path: string) {
  const response = await call(province.headers.provinceAdmin, 'GET', `${path}/history?limit=100`);
  expect(response.status).toBe(200);
  return AuditEventPageSchema.parse(await response.json()).items;
}

/** One link per item of evidence seed 003 counts, as a school would attach them. */
function seedEvidence() {
  return Object.fromEntries(
    Object.entries(seed003Example.evidence).map(([criterion, slots]) => [
      criterion,
      Object.fromEntries(
        Object.entries(slots).map(([slot, count]) => [
          slot,
          Array.from({ length: count }, (_, i) => ({ kind: 'link', url: `https://trung-tam-thu.edu.vn/minh-chung/${criterion}/${slot}/${i + 1}`, label: `Minh chứng ${criterion} số ${i + 1}` })),
        ]),
      ),
    ]),
  );
}

/** Fills seed 003 the way a school's form autosaves: answers in three parts, then the points, then the evidence. */
async function fillSeed003(path: string, as: Headers = province.headers.editorA1): Promise<SubmissionView> {
  let view = await read(path, as);
  const answers = Object.entries(seed003Example.answers);
  const third = Math.ceil(answers.length / 3);
  for (let i = 0; i < answers.length; i += third) view = await patch(path, { version: view.submission.version, answers: Object.fromEntries(answers.slice(i, i + third)) }, as);
  view = await patch(path, { version: view.submission.version, awards: seed003Example.awards }, as);
  return patch(path, { version: view.submission.version, evidence: seedEvidence(), comments: { '1.6': 'Tự chấm 16/20: còn giáo viên chưa dùng công cụ số' } }, as);
}

describe('self-assessment of seed 003', () => {
  it('is scored by the server at 84 / 94 / level 3 from PATCHes; the head submits, an editor cannot, and edits stop', async () => {
    const { a1 } = await campaignFor();
    const first = await read(a1);
    expect(first.submission).toMatchObject({ status: 'draft', version: 1, startedAt: null, criteria: { setKey: v4725.setKey, number: v4725.number, contentHash: v4725.contentHash } });
    expect(first.score.total).toBe(0);

    const filled = await fillSeed003(a1);
    expect(filled.score.groups.map((g) => [g.id, g.points, g.level])).toEqual([
      ['1', 84, 3],
      ['2', 94, 3],
    ]);
    expect(filled.score).toMatchObject({ overallLevel: 3, complete: true, missing: [], invalid: [] });
    expect(filled.submission.score).toMatchObject({ total: 178, overallLevel: 3, complete: true });
    expect(filled.submission.version).toBe(6);
    expect(filled.definition).toEqual({ setKey: v4725.setKey, number: v4725.number, label: '2022.1', contentHash: v4725.contentHash });

    const byEditor = await call(province.headers.editorA1, 'POST', `${a1}/submit`, { version: filled.submission.version });
    expect(byEditor.status).toBe(403);
    const submitted = await call(province.headers.headA1, 'POST', `${a1}/submit`, { version: filled.submission.version });
    expect(submitted.status).toBe(200);
    const view = SubmissionViewSchema.parse(await submitted.json());
    expect(view.submission).toMatchObject({ status: 'submitted', version: 7, submittedBy: province.accounts.headA1.id });
    expect(view.allowedActions).toEqual(['start-review', 'return']);

    const edit = await call(province.headers.editorA1, 'PATCH', a1, { version: 7, comments: { '1.3': 'Sửa sau khi nộp' } });
    expect(edit.status).toBe(409);
    expect(await errorOf(edit)).toMatchObject({ code: 'illegal-transition', details: [{ code: 'allowed.start-review' }, { code: 'allowed.return' }] });
    const again = await errorOf(await call(province.headers.headA1, 'POST', `${a1}/submit`, { version: 7 }));
    expect(again.code).toBe('illegal-transition');

    const events = await history(a1);
    expect(events.map((e) => e.action)).toEqual(['submission.submitted', ...Array<string>(5).fill('submission.edited'), 'submission.created']);
    const awarded = events.find((e) => e.after?.awards !== undefined);
    expect(awarded).toMatchObject({ before: { total: 0 }, after: { total: 178, awards: { '1.3a': 6, '1.6a': 7 } }, actor: { kind: 'account', accountId: province.accounts.editorA1.id } });
  });

  it('never takes totals from a client: a change carrying them is refused and the score stays the server’s', async () => {
    const { a1 } = await campaignFor();
    const response = await call(province.headers.editorA1, 'PATCH', a1, { version: 1, awards: { '1.4a': 3 }, score: { total: 200 } });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).details[0]).toMatchObject({ path: 'body', code: 'unrecognized_keys' });
    expect((await read(a1)).submission.score.total).toBe(0);
  });

  it('refuses to submit an incomplete submission, listing what is missing with its path', async () => {
    const { a1 } = await campaignFor();
    const view = await patch(a1, { version: 1, answers: { digital_materials: 45 }, awards: { '1.4a': 10 } });
    const response = await call(province.headers.headA1, 'POST', `${a1}/submit`, { version: view.submission.version });
    expect(response.status).toBe(409);
    const error = await errorOf(response);
    expect(error.code).toBe('incomplete');
    const paths = error.details.map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['answers.online_teaching_plan_issued', 'answers.lms_deployed', 'evidence["1.1"].plan']));
    expect(paths).not.toContain('answers.digital_materials');
    expect((await read(a1)).submission.status).toBe('draft');
  });
});

describe('bad input', () => {
  it('refuses each invalid answer or award with 400 naming the field, and writes nothing', async () => {
    const { a1 } = await campaignFor();
    const base = await patch(a1, { version: 1, answers: { digital_materials: 45, teachers_online_training: { numerator: 5, denominator: 20 } } });
    const version = base.submission.version;
    const refused = async (body: Record<string, unknown>) => {
      const response = await call(province.headers.editorA1, 'PATCH', a1, { version, ...body });
      expect(response.status).toBe(400);
      return (await errorOf(response)).details.map((d) => [d.path, d.code]);
    };
    expect(await refused({ awards: { '1.4a': 11 } })).toEqual([['body.awards["1.4a"]', 'award.above-cap']]);
    expect(await refused({ awards: { '1.4a': -1 } })).toEqual([['body.awards["1.4a"]', 'award.negative']]);
    expect(await refused({ answers: { digital_materials: -3 } })).toEqual([['body.answers.digital_materials', 'invalid.negative']]);
    expect(await refused({ answers: { digital_materials: 'nhiều' } })).toEqual([['body.answers.digital_materials', 'invalid.not-a-number']]);
    expect(await refused({ answers: { teachers_online_training: { numerator: 25, denominator: 20 } } })).toEqual([
      ['body.answers.teachers_online_training.numerator', 'invalid.numerator-above-denominator'],
    ]);
    expect(await refused({ answers: { khong_co: 1 }, awards: { '9.9z': 1 }, comments: { '7.7': 'x' } })).toEqual([
      ['body.answers.khong_co', 'unknown-id'],
      ['body.awards["9.9z"]', 'unknown-id'],
      ['body.comments["7.7"]', 'unknown-id'],
    ]);
    expect(await refused({ awards: { '1.4a': 'mười' } })).toEqual([['body.awards["1.4a"]', 'invalid_type']]);
    expect(await refused({ evidence: { '1.3': { links: [{ kind: 'link', url: 'javascript:alert(1)', label: 'x' }] } } })).toEqual([
      ['body.evidence["1.3"].links[0].url', 'invalid_format'],
    ]);
    expect(await refused({ evidence: { '1.3': { khong_co: [] } } })).toEqual([['body.evidence["1.3"].khong_co', 'unknown-id']]);
    // An answer that lowers the cap below points already awarded is refused too, naming the award.
    const awarded = await patch(a1, { version, awards: { '1.4a': 10 } });
    const lowered = await call(province.headers.editorA1, 'PATCH', a1, { version: awarded.submission.version, answers: { digital_materials: 5 } });
    expect((await errorOf(lowered)).details.map((d) => [d.path, d.code])).toEqual([['body.awards["1.4a"]', 'award.above-cap']]);

    const after = await read(a1);
    expect(after.submission).toMatchObject({ version: awarded.submission.version, answers: { digital_materials: 45 }, awards: { '1.4a': 10 } });
    expect((await history(a1)).map((e) => e.action)).toEqual(['submission.edited', 'submission.edited', 'submission.created']);
  });

  it('accepts missing answers in a draft, and null removes an answer', async () => {
    const { a1 } = await campaignFor();
    const set = await patch(a1, { version: 1, answers: { digital_materials: 45, studio_room: true } });
    expect(set.score.complete).toBe(false);
    const removed = await patch(a1, { version: set.submission.version, answers: { studio_room: null } });
    expect(removed.submission.answers).toEqual({ digital_materials: 45 });
    const unchanged = await patch(a1, { version: removed.submission.version, answers: { digital_materials: 45 } });
    expect(unchanged.submission.version).toBe(removed.submission.version);
  });

  it('keeps evidence items by id and replaces a slot’s list; an unknown id is refused', async () => {
    const { a1 } = await campaignFor();
    const link = (n: number) => ({ kind: 'link', url: `https://truong-thu.edu.vn/tai-lieu/${n}`, label: `Tài liệu ${n}` });
    const one = await patch(a1, { version: 1, evidence: { '1.3': { links: [link(1)] } } });
    const first = one.submission.evidence['1.3']?.links?.[0];
    expect(first).toMatchObject({ kind: 'link', url: 'https://truong-thu.edu.vn/tai-lieu/1', addedBy: province.accounts.editorA1.id });
    const two = await patch(a1, { version: one.submission.version, evidence: { '1.3': { links: [{ ...link(1), id: first?.id }, link(2)] } } });
    expect(two.submission.evidence['1.3']?.links?.map((item) => [item.id === first?.id, item.addedAt === first?.addedAt])).toEqual([
      [true, true],
      [false, false],
    ]);
    const bad = await call(province.headers.editorA1, 'PATCH', a1, { version: two.submission.version, evidence: { '1.3': { links: [{ ...link(3), id: 'khongco' }] } } });
    expect((await errorOf(bad)).details[0]).toMatchObject({ path: 'body.evidence["1.3"].links[0].id', code: 'unknown-evidence' });
    const cleared = await patch(a1, { version: two.submission.version, evidence: { '1.3': { links: null } } });
    expect(cleared.submission.evidence).toEqual({});
  });
});

describe('deadlines', () => {
  it('refuses a late submission with 409, and accepts it once the owner grants the school an extension', async () => {
    const { campaign, a1 } = await campaignFor(PAST_DEADLINES);
    const filled = await fillSeed003(a1);
    expect(filled.deadline).toEqual({ selfAssessment: PAST_DEADLINES.selfAssessment, extendedUntil: null, passed: true });
    const late = await call(province.headers.headA1, 'POST', `${a1}/submit`, { version: filled.submission.version });
    expect(late.status).toBe(409);
    expect(await errorOf(late)).toMatchObject({ code: 'deadline-passed', details: [{ path: 'deadline.selfAssessment' }] });
    const granted = await call(province.headers.provinceAdmin, 'POST', `/campaigns/${campaign.id}/extensions`, { unitId: province.units.schoolA1.id, until: '2099-12-31' });
    expect(granted.status).toBe(200);
    const onTime = await call(province.headers.headA1, 'POST', `${a1}/submit`, { version: filled.submission.version });
    expect(onTime.status).toBe(200);
    expect(SubmissionViewSchema.parse(await onTime.json()).submission.status).toBe('submitted');
  });

  it('refuses changes once the campaign is closed', async () => {
    const { campaign, a1 } = await campaignFor();
    expect((await call(province.headers.provinceAdmin, 'POST', `/campaigns/${campaign.id}/close`, { version: campaign.version })).status).toBe(200);
    const response = await call(province.headers.editorA1, 'PATCH', a1, { version: 1, answers: { studio_room: true } });
    expect(response.status).toBe(409);
    expect((await errorOf(response)).code).toBe('campaign-not-open');
    expect((await read(a1)).allowedActions).toEqual([]);
  });
});

describe('scope', () => {
  it('hides a school’s submission outside the caller’s subtree (404) and forbids what the role does not allow (403)', async () => {
    const { campaign, a1 } = await campaignFor();
    const a2 = `/campaigns/${campaign.id}/submissions/${province.units.schoolA2.id}`;
    expect((await call(province.headers.reviewerB, 'GET', a1)).status).toBe(404);
    expect((await call(province.headers.reviewerB, 'GET', `${a1}/history`)).status).toBe(404);
    expect((await call(province.headers.headA1, 'GET', a2)).status).toBe(404);
    expect((await call(province.headers.headA1, 'PATCH', a2, { version: 1, answers: { studio_room: true } })).status).toBe(404);
    expect((await call(province.headers.headA1, 'POST', `${a2}/submit`, { version: 1 })).status).toBe(404);
    expect((await call(province.headers.reviewerA, 'GET', a1)).status).toBe(200);
    expect((await call(province.headers.reviewerA, 'PATCH', a1, { version: 1, answers: { studio_room: true } })).status).toBe(403);
    expect((await call(province.headers.headA1, 'GET', `/campaigns/${campaign.id}/submissions/${province.units.phongA.id}`)).status).toBe(404);
    expect((await read(a1)).submission.version).toBe(1);
  });
});

describe('concurrency', () => {
  it('lets one of two PATCHes of the same version win; the other gets 409 with the current version, and nothing is lost', async () => {
    const { a1 } = await campaignFor();
    const [first, second] = await Promise.all([
      call(province.headers.editorA1, 'PATCH', a1, { version: 1, answers: { digital_materials: 45 } }),
      call(province.headers.headA1, 'PATCH', a1, { version: 1, answers: { studio_room: true } }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const [winner, loser] = first.status === 200 ? [first, second] : [second, first];
    const won = SubmissionViewSchema.parse(await winner.json());
    expect(await errorOf(loser)).toMatchObject({ code: 'conflict', currentVersion: 2 });
    const stored = await read(a1);
    expect(stored.submission.answers).toEqual(won.submission.answers);
    // The loser reloads and saves again: both changes are kept.
    const retried = await patch(a1, { version: 2, answers: first.status === 200 ? { studio_room: true } : { digital_materials: 45 } });
    expect(retried.submission.answers).toEqual({ digital_materials: 45, studio_room: true });
    expect((await history(a1)).map((e) => e.action)).toEqual(['submission.edited', 'submission.edited', 'submission.created']);
  });
});
