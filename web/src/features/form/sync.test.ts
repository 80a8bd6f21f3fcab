import { scoreSubmission } from '@chiso/criteria';
import { national4725 } from '@chiso/criteria/sets';
import { createRoot } from 'solid-js';
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../api/client.ts';
import type { SubmissionView } from '../../api/types.ts';
import { createOutbox } from './outbox.ts';
import { createFormSync } from './sync.ts';

function memoryStore() {
  const items = new Map<string, string>();
  return { items, getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value), removeItem: (key: string) => void items.delete(key) };
}

// Loading never calls the API; a call would mean the test's premise is wrong.
const noApi = new Proxy({}, { get: () => () => Promise.reject(new Error('no API call expected')) }) as ApiClient;

function view(status: SubmissionView['submission']['status'], allowedActions: string[]): SubmissionView {
  return {
    submission: { campaignId: 'c1', unitId: 'u1', unitKind: 'primary', status, criteria: { setKey: '4725', number: 1, label: '2022.1', contentHash: 'h' }, answers: { digital_materials: 40 }, awards: { '1.4a': 6 }, evidence: {}, version: 9, updatedAt: '2026-11-20T00:00:00Z' },
    score: scoreSubmission(national4725, { digital_materials: 40 }, { '1.4a': 6 }),
    definition: { setKey: '4725', number: 1, label: '2022.1', contentHash: 'h' },
    deadline: { selfAssessment: '2027-01-31', extendedUntil: null, passed: false },
    allowedActions,
  };
}

const kept = { version: 7, base: { answers: { digital_materials: 40 }, awards: {} }, unsent: { answers: { digital_materials: 45 }, awards: { '1.4a': 10 } } };

describe('changes kept in the browser for a submission that can no longer take them', () => {
  it('are neither applied nor lost: the form shows the server’s values and says how many wait, until the person drops them', () => {
    createRoot((dispose) => {
      const store = memoryStore();
      const outbox = createOutbox(store, 'k');
      outbox.write(kept);
      const sync = createFormSync({ api: noApi, campaignId: 'c1', unitId: 'u1', outbox, holdBack: () => ({ answers: new Set(), awards: new Set() }) });
      sync.load(view('submitted', []));
      expect(sync.answers()).toEqual({ digital_materials: 40 });
      expect(sync.stranded()).toBe(2);
      expect(outbox.read()).not.toBeNull();
      sync.discardStranded();
      expect(sync.stranded()).toBe(0);
      expect(outbox.read()).toBeNull();
      dispose();
    });
  });

  it('come back once the submission is editable again (returned), merged on the server’s version', () => {
    createRoot((dispose) => {
      const store = memoryStore();
      const outbox = createOutbox(store, 'k');
      outbox.write(kept);
      const sync = createFormSync({ api: noApi, campaignId: 'c1', unitId: 'u1', outbox, holdBack: () => ({ answers: new Set(), awards: new Set() }) });
      sync.load(view('returned', ['edit', 'submit']));
      expect(sync.stranded()).toBe(0);
      expect(sync.restored()).toBe(true);
      expect(sync.answers()).toMatchObject({ digital_materials: 45 });
      dispose();
    });
  });
});
