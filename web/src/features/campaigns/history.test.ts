import { describe, expect, it } from 'vitest';
import type { AuditEvent, Campaign } from './api.ts';
import { defaultDeadlines } from './campaign-form.ts';
import { campaignChanges, historyEntry, snapshotChanges, vietnamTime } from './history.ts';

const event = (over: Partial<AuditEvent>): AuditEvent => ({
  id: 'e1',
  at: '2026-11-26T02:30:00.000Z',
  actor: { kind: 'account', accountId: 'acc1', name: 'Nguyễn Văn Quản Trị (demo)' },
  action: 'campaign.updated',
  before: null,
  after: null,
  ...over,
});

const campaign: Campaign = {
  id: 'k1',
  ownerUnitId: 'so',
  ownerPath: '/so',
  name: 'Đánh giá 2026-2027',
  schoolYear: '2026-2027',
  status: 'draft',
  criteria: [{ kinds: ['primary', 'lower-secondary'], setKey: 'mh-4725', number: 2, label: 'Minh Hòa 2026.1' }],
  deadlines: defaultDeadlines('2026-2027'),
  recognition: { rule: 'nearest-office' },
  version: 1,
  openedAt: null,
  closedAt: null,
};

describe('the campaign history', () => {
  it('shows a moved deadline as before → after, step by step, and leaves the others out', () => {
    const entry = historyEntry(
      event({
        before: { deadlines: { ...defaultDeadlines('2026-2027') } },
        after: { deadlines: { ...defaultDeadlines('2026-2027'), externalReview: '2027-04-30' } },
      }),
    );
    expect(entry.kind).toBe('updated');
    expect(entry.accountId).toBe('acc1');
    expect(entry.authorName).toBe('Nguyễn Văn Quản Trị (demo)');
    expect(entry.changes).toEqual([{ field: 'deadline', step: 'externalReview', before: '2027-03-31', after: '2027-04-30' }]);
  });

  it('lists what a new campaign was created with, without saying it is a draft', () => {
    const entry = historyEntry(event({ action: 'campaign.created', after: { id: 'k1', name: 'Đánh giá', schoolYear: '2026-2027', status: 'draft', deadlines: defaultDeadlines('2026-2027') } }));
    expect(entry.kind).toBe('created');
    expect(entry.changes.map((change) => change.field)).toEqual(['name', 'schoolYear', 'deadline', 'deadline', 'deadline', 'deadline', 'deadline']);
    expect(entry.changes[0]).toEqual({ field: 'name', before: null, after: 'Đánh giá' });
  });

  it('keeps the number of submissions opening created, and the status change', () => {
    const entry = historyEntry(event({ action: 'campaign.opened', before: { status: 'draft' }, after: { status: 'open', enrolling: 7 } }));
    expect(entry.enrolled).toBe(7);
    expect(entry.changes).toEqual([{ field: 'status', before: 'draft', after: 'open' }]);
  });

  it('reads an extension with its unit, step, day and reason; an old one without a step is self-assessment', () => {
    const moved = historyEntry(
      event({
        action: 'campaign.extension-granted',
        before: { unitId: 'u1', step: 'externalReview', until: '2027-04-05', reason: null },
        after: { unitId: 'u1', step: 'externalReview', until: '2027-04-10', reason: 'Bão' },
      }),
    );
    expect(moved.extension).toEqual({ unitId: 'u1', step: 'externalReview', before: '2027-04-05', after: '2027-04-10', reason: 'Bão' });
    expect(moved.changes).toEqual([]);
    const old = historyEntry(event({ action: 'campaign.extension-granted', after: { unitId: 'u2', until: '2027-02-10' } }));
    expect(old.extension).toEqual({ unitId: 'u2', step: 'selfAssessment', before: null, after: '2027-02-10', reason: null });
  });

  it('names the versions chosen per kind and the recognition rule when they change', () => {
    const changes = snapshotChanges(
      { criteria: [{ kinds: ['primary'], setKey: '4725', number: 1, label: '4725' }], recognition: { rule: 'nearest-office' } },
      { criteria: [{ kinds: ['primary'], setKey: 'mh-4725', number: 2, label: 'Minh Hòa 2026.1' }], recognition: { rule: 'owner' } },
    );
    expect(changes).toEqual([
      { field: 'criteria', before: [{ label: '4725', ref: '4725@1', kinds: ['primary'] }], after: [{ label: 'Minh Hòa 2026.1', ref: 'mh-4725@2', kinds: ['primary'] }] },
      { field: 'recognition', before: 'nearest-office', after: 'owner' },
    ]);
  });

  it('shows what someone else changed between the version read and the one stored', () => {
    const theirs: Campaign = { ...campaign, version: 2, name: 'Đánh giá 2026-2027 (Sở sửa)', deadlines: { ...campaign.deadlines, publication: '2027-06-30' } };
    expect(campaignChanges(campaign, theirs)).toEqual([
      { field: 'name', before: 'Đánh giá 2026-2027', after: 'Đánh giá 2026-2027 (Sở sửa)' },
      { field: 'deadline', step: 'publication', before: '2027-05-31', after: '2027-06-30' },
    ]);
    const regrouped: Campaign = { ...campaign, criteria: [{ ...campaign.criteria[0]!, kinds: ['lower-secondary', 'primary'] }] };
    expect(campaignChanges(campaign, regrouped)).toEqual([]);
  });

  it('tells the time in Vietnam, whatever the browser’s clock', () => {
    expect(vietnamTime('2026-11-26T02:30:00.000Z')).toBe('26/11/2026 09:30');
    expect(vietnamTime('2026-12-31T20:05:00Z')).toBe('01/01/2027 03:05');
    expect(vietnamTime('not a time')).toBe('not a time');
  });

  it('passes over an unknown action and a system change without an account', () => {
    const entry = historyEntry(event({ action: 'campaign.something-new', actor: { kind: 'system-admin' }, before: { x: 1 }, after: { x: 2 } }));
    expect(entry).toMatchObject({ kind: 'other', accountId: null, changes: [] });
  });
});
