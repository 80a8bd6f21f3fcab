import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import type { SubmissionPatch, SubmissionView } from '../../api/types.ts';
import { type SaveState, createAutosave } from './autosave.ts';

function harness(save: (patch: SubmissionPatch) => Promise<SubmissionView>, holdBack?: { answers?: Set<string>; awards?: Set<string> }) {
  let version = 3;
  const states: SaveState[] = [];
  const onConflict = vi.fn();
  const autosave = createAutosave({
    save,
    version: () => version,
    ...(holdBack ? { holdBack: () => holdBack } : {}),
    onState: (state) => states.push(state),
    onSaved: (view) => (version = view.submission.version),
    onConflict,
  });
  return { autosave, states, onConflict, version: () => version };
}

const savedAs = (version: number): SubmissionView => ({
  submission: { campaignId: 'c', unitId: 'u', unitKind: 'primary', status: 'draft', criteria: { setKey: 's', number: 1, label: '1', contentHash: 'h' }, answers: {}, awards: {}, evidence: {}, version, updatedAt: '' },
  score: { groups: [], total: 0, totalLevel: null, overallLevel: 1, complete: false, missing: [], invalid: [] },
  definition: { setKey: 's', number: 1, label: '1', contentHash: 'h' },
  deadline: { selfAssessment: '2027-01-31', extendedUntil: null, passed: false },
  allowedActions: ['edit'],
});

describe('autosave', () => {
  it('sends only what changed since the last save, with the version read, then carries on from the new version', async () => {
    const save = vi.fn(async (patch: SubmissionPatch) => savedAs(patch.version + 1));
    const { autosave, states, version } = harness(save);
    autosave.answer('lms_deployed', true);
    autosave.award('1.3a', 6);
    autosave.award('1.3a', 5);
    await autosave.flush();
    expect(save).toHaveBeenLastCalledWith({ version: 3, answers: { lms_deployed: true }, awards: { '1.3a': 5 } });
    expect(version()).toBe(4);
    await autosave.flush();
    expect(save).toHaveBeenCalledTimes(1);
    autosave.answer('lms_name', null);
    await autosave.flush();
    expect(save).toHaveBeenLastCalledWith({ version: 4, answers: { lms_name: null } });
    expect(states).toEqual(['dirty', 'saving', 'saved', 'dirty', 'saving', 'saved']);
  });

  it('keeps the changes when offline and sends them with the newer edits once the server answers again', async () => {
    let online = false;
    const save = vi.fn(async (patch: SubmissionPatch) => {
      if (!online) throw new ApiError(0, 'offline', 'Ngoại tuyến', 'Offline');
      return savedAs(patch.version + 1);
    });
    const { autosave, states } = harness(save);
    autosave.award('1.4a', 10);
    autosave.answer('studio_room', true);
    await autosave.flush();
    expect(autosave.state).toBe('offline');
    autosave.award('1.4a', 8);
    online = true;
    await autosave.flush();
    expect(save).toHaveBeenLastCalledWith({ version: 3, answers: { studio_room: true }, awards: { '1.4a': 8 } });
    expect(states.at(-1)).toBe('saved');
  });

  it('an edit made while a save is on its way is sent next, not lost', async () => {
    let release: () => void = () => undefined;
    const save = vi.fn((patch: SubmissionPatch) => new Promise<SubmissionView>((resolve) => (release = () => resolve(savedAs(patch.version + 1)))));
    const { autosave } = harness(save);
    autosave.award('2.4a', 8);
    const first = autosave.flush();
    autosave.award('2.4b', 12);
    release();
    await first;
    expect(autosave.state).toBe('dirty');
    const second = autosave.flush();
    release();
    await second;
    expect(save).toHaveBeenLastCalledWith({ version: 4, awards: { '2.4b': 12 } });
    expect(autosave.state).toBe('saved');
  });

  it('on 409 hands over every unsaved change and stops saving until resumed with what is still to send', async () => {
    const stale = new ApiError(409, 'conflict', 'Hồ sơ đã bị người khác thay đổi', 'Changed by someone else', [], 9);
    let conflicted = true;
    const save = vi.fn(async (patch: SubmissionPatch) => (conflicted ? Promise.reject(stale) : savedAs(patch.version + 1)));
    const { autosave, onConflict } = harness(save);
    autosave.award('1.5a', 15);
    autosave.answer('studio_room', true);
    await autosave.flush();
    expect(autosave.state).toBe('conflict');
    expect(onConflict).toHaveBeenCalledWith(stale, { answers: { studio_room: true }, awards: { '1.5a': 15 } });
    await autosave.flush();
    expect(save).toHaveBeenCalledTimes(1);
    conflicted = false;
    autosave.resume({ answers: {}, awards: { '1.5a': 15 } });
    expect(autosave.state).toBe('dirty');
    await autosave.flush();
    expect(save).toHaveBeenLastCalledWith({ version: 3, awards: { '1.5a': 15 } });
    expect(autosave.state).toBe('saved');
    expect(autosave.hasPending).toBe(false);
  });

  it('tells the caller what is unsent after every edit and every save, for the outbox', async () => {
    const reported: unknown[] = [];
    let online = false;
    const autosave = createAutosave({
      save: async (patch) => (online ? savedAs(patch.version + 1) : Promise.reject(new ApiError(0, 'offline', 'x', 'x'))),
      version: () => 3,
      onState: () => undefined,
      onSaved: () => undefined,
      onConflict: () => undefined,
      onPending: (unsent) => reported.push(unsent),
    });
    autosave.answer('digital_materials', 45);
    await autosave.flush();
    expect(autosave.unsent()).toEqual({ answers: { digital_materials: 45 }, awards: {} });
    online = true;
    await autosave.flush();
    expect(reported).toEqual([{ answers: { digital_materials: 45 }, awards: {} }, { answers: {}, awards: {} }]);
  });

  it('does not resend a refused patch until the person edits again', async () => {
    const refused = new ApiError(400, 'validation-failed', 'Dữ liệu gửi lên không hợp lệ', 'The request is invalid');
    const save = vi.fn(async (): Promise<SubmissionView> => Promise.reject(refused));
    const { autosave } = harness(save);
    autosave.answer('lms_links', ['not a link']);
    await autosave.flush();
    await autosave.flush();
    expect(save).toHaveBeenCalledTimes(1);
    expect(autosave.state).toBe('refused');
    autosave.answer('lms_links', ['https://lms.truong-thu.edu.vn']);
    await autosave.flush();
    expect(save).toHaveBeenLastCalledWith({ version: 3, answers: { lms_links: ['https://lms.truong-thu.edu.vn'] } });
  });

  it('holds back answers still being corrected and sends the rest', async () => {
    const save = vi.fn(async (patch: SubmissionPatch) => savedAs(patch.version + 1));
    const held = { answers: new Set(['it_unit_contact']) };
    const { autosave } = harness(save, held);
    autosave.answer('it_unit_contact', { name: 'Trần Thị Bình', email: 'sai-email' });
    autosave.award('1.3a', 6);
    await autosave.flush();
    expect(save).toHaveBeenLastCalledWith({ version: 3, awards: { '1.3a': 6 } });
    expect(autosave.hasPending).toBe(true);
    held.answers.clear();
    await autosave.flush();
    expect(save).toHaveBeenLastCalledWith({ version: 4, answers: { it_unit_contact: { name: 'Trần Thị Bình', email: 'sai-email' } } });
  });
});
