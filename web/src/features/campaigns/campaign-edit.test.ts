import { describe, expect, it } from 'vitest';
import type { Campaign } from './api.ts';
import { buildPatch, changedDeadlines, checkEdit, draftOf, editModeOf, rebaseDraft, withChosenVersions } from './campaign-edit.ts';
import { defaultDeadlines } from './campaign-form.ts';

const campaign = (over: Partial<Campaign> = {}): Campaign => ({
  id: 'k1',
  ownerUnitId: 'so',
  ownerPath: '/so',
  name: 'Đánh giá chuyển đổi số năm học 2026-2027',
  schoolYear: '2026-2027',
  status: 'draft',
  criteria: [
    { kinds: ['primary', 'lower-secondary'], setKey: 'mh-4725', number: 2, label: 'Minh Hòa 2026.1' },
    { kinds: ['upper-secondary'], setKey: '4725', number: 1, label: '4725' },
  ],
  deadlines: defaultDeadlines('2026-2027'),
  recognition: { rule: 'nearest-office' },
  version: 3,
  openedAt: null,
  closedAt: null,
  ...over,
});

describe('editing a campaign', () => {
  it('fills the form from the campaign, one version per kind it assesses', () => {
    const draft = draftOf(campaign());
    expect(draft.versionByKind).toEqual({ primary: 'mh-4725@2', 'lower-secondary': 'mh-4725@2', 'upper-secondary': '4725@1' });
    expect(draft.deadlines).toEqual(defaultDeadlines('2026-2027'));
    expect(draft.rule).toBe('nearest-office');
  });

  it('sends nothing when nothing changed, even with the kinds grouped in another order', () => {
    const stored = campaign({ criteria: [{ kinds: ['upper-secondary'], setKey: '4725', number: 1, label: '4725' }, ...campaign().criteria.slice(0, 1)] });
    expect(buildPatch(stored, draftOf(campaign()), 'draft')).toBeNull();
    expect(buildPatch(campaign(), { ...draftOf(campaign()), name: `  ${campaign().name} ` }, 'draft')).toBeNull();
  });

  it('sends only the fields that differ, the name trimmed and only the deadlines moved', () => {
    const draft = draftOf(campaign());
    draft.name = ' Đánh giá chuyển đổi số 2026-2027 (đợt 1) ';
    draft.deadlines.externalReview = '2027-04-30';
    draft.rule = 'owner';
    expect(buildPatch(campaign(), draft, 'draft')).toEqual({
      name: 'Đánh giá chuyển đổi số 2026-2027 (đợt 1)',
      deadlines: { externalReview: '2027-04-30' },
      recognition: { rule: 'owner' },
    });
  });

  it('sends the whole choice of versions when one kind changes or leaves', () => {
    const draft = draftOf(campaign());
    draft.versionByKind['lower-secondary'] = '';
    expect(buildPatch(campaign(), draft, 'draft')).toEqual({
      criteria: [
        { kinds: ['primary'], setKey: 'mh-4725', number: 2 },
        { kinds: ['upper-secondary'], setKey: '4725', number: 1 },
      ],
    });
  });

  it('moves only deadlines while the campaign is open, and nothing once it is closed', () => {
    const open = campaign({ status: 'open' });
    expect(editModeOf(open)).toBe('deadlines');
    expect(editModeOf(campaign({ status: 'closed' }))).toBe('none');
    const draft = draftOf(open);
    draft.name = 'Một tên khác hẳn';
    draft.deadlines.externalReview = '2027-04-30';
    expect(buildPatch(open, draft, 'deadlines')).toEqual({ deadlines: { externalReview: '2027-04-30' } });
    expect(buildPatch(open, draft, 'none')).toBeNull();
  });

  it('checks the order of the deadlines in both modes, the rest of the form only for a draft', () => {
    const draft = { ...draftOf(campaign()), name: 'ab', deadlines: { ...defaultDeadlines('2026-2027'), externalReview: '2027-02-01' } };
    expect([...checkEdit(draft, 'draft').keys()].sort()).toEqual(['deadlines.externalReview', 'name']);
    expect([...checkEdit(draft, 'deadlines').keys()]).toEqual(['deadlines.externalReview']);
    expect(checkEdit(draft, 'none').size).toBe(0);
  });

  it('names the deadlines that moved', () => {
    const from = defaultDeadlines('2026-2027');
    expect(changedDeadlines(from, { ...from, recognition: '2027-05-20', publication: '2027-06-01' })).toEqual({ recognition: '2027-05-20', publication: '2027-06-01' });
  });
});

describe('the versions an edited draft offers', () => {
  it('adds a version the campaign holds that is no longer published, and nothing already listed', () => {
    const published = { setKey: 'mh-4725', number: 2, label: 'Minh Hòa 2026.1', title: 'Bộ chỉ số', appliesTo: ['primary', 'lower-secondary'] };
    const merged = withChosenVersions(new Map([['primary', [published]], ['lower-secondary', [published]]]), campaign());
    expect(merged.get('primary')).toEqual([published]);
    expect(merged.get('upper-secondary')?.map((version) => `${version.setKey}@${version.number}`)).toEqual(['4725@1']);
  });
});

describe('after someone else saved first', () => {
  it('takes their value where the person changed nothing and keeps what the person typed, naming the clashes', () => {
    const read = campaign();
    const now = campaign({
      version: 4,
      name: 'Tên do người khác sửa',
      deadlines: { ...read.deadlines, publication: '2027-06-30', recognition: '2027-05-20' },
    });
    const typed = draftOf(read);
    typed.name = 'Tên tôi đang gõ';
    typed.deadlines.recognition = '2027-05-25';
    typed.deadlines.externalReview = '2027-04-30';
    const { draft, clashes } = rebaseDraft(read, now, typed);
    expect(draft.name).toBe('Tên tôi đang gõ');
    expect(draft.deadlines).toEqual({ ...read.deadlines, externalReview: '2027-04-30', recognition: '2027-05-25', publication: '2027-06-30' });
    expect(clashes).toEqual(['name', 'deadlines.recognition']);
    // Saved again from their version, only what the person changed is sent: their publication day stays.
    expect(buildPatch(now, draft, 'draft')).toEqual({ name: 'Tên tôi đang gõ', deadlines: { externalReview: '2027-04-30', recognition: '2027-05-25' } });
  });

  it('follows their choice of versions for the kinds the person left alone', () => {
    const read = campaign();
    const now = campaign({ criteria: [{ kinds: ['primary', 'lower-secondary', 'upper-secondary'], setKey: 'mh-4725', number: 2, label: 'Minh Hòa 2026.1' }] });
    const typed = draftOf(read);
    typed.versionByKind.primary = '';
    const { draft, clashes } = rebaseDraft(read, now, typed);
    expect(draft.versionByKind).toEqual({ primary: '', 'lower-secondary': 'mh-4725@2', 'upper-secondary': 'mh-4725@2' });
    expect(clashes).toEqual([]);
  });
});
