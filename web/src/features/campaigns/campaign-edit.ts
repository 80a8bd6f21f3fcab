import { type Campaign, type CampaignPatch, DEADLINE_STEPS, type Deadlines, type PublishedVersion } from './api.ts';
import { type CampaignDraft, type FieldKey, checkDraft, deadlineProblems, toRequest, versionRef } from './campaign-form.ts';
import type { Texts } from '../../i18n/locale.ts';

/**
 * What may change: a draft everything the new-campaign form sets; an open campaign only its deadlines
 * (schools already fill the versions it chose); a closed one nothing.
 */
export type EditMode = 'draft' | 'deadlines' | 'none';

export const editModeOf = (campaign: Pick<Campaign, 'status'>): EditMode =>
  campaign.status === 'draft' ? 'draft' : campaign.status === 'open' ? 'deadlines' : 'none';

/** The form's values for a stored campaign: one version per kind it assesses, the others left out. */
export function draftOf(campaign: Campaign): CampaignDraft {
  const versionByKind: Record<string, string> = {};
  for (const entry of campaign.criteria) for (const kind of entry.kinds) versionByKind[kind] = versionRef(entry);
  return { name: campaign.name, schoolYear: campaign.schoolYear, versionByKind, deadlines: { ...campaign.deadlines }, rule: campaign.recognition.rule };
}

/**
 * The versions each kind may choose, with the ones the campaign already holds added where they are no
 * longer published (retired since it was drafted), so the form shows what is stored rather than a blank.
 */
export function withChosenVersions(byKind: ReadonlyMap<string, PublishedVersion[]>, campaign: Campaign): Map<string, PublishedVersion[]> {
  const merged = new Map(byKind);
  for (const entry of campaign.criteria)
    for (const kind of entry.kinds) {
      const listed = merged.get(kind) ?? [];
      if (listed.some((version) => versionRef(version) === versionRef(entry))) continue;
      merged.set(kind, [...listed, { setKey: entry.setKey, number: entry.number, label: entry.label, title: entry.label, appliesTo: [kind] }]);
    }
  return merged;
}

// The API groups kinds by version in any order: compare what each kind gets, not the grouping.
function versionPerKind(criteria: readonly { kinds: readonly string[]; setKey: string; number: number }[]): string {
  const pairs = criteria.flatMap((entry) => entry.kinds.map((kind) => `${kind}=${versionRef(entry)}`));
  return pairs.sort().join(',');
}

/** The deadlines of `next` that differ from `current`'s, and only those. */
export function changedDeadlines(current: Deadlines, next: Deadlines): Partial<Deadlines> {
  const changed: Partial<Deadlines> = {};
  for (const step of DEADLINE_STEPS) if (next[step] !== current[step]) changed[step] = next[step];
  return changed;
}

/**
 * The PATCH body (without `version`) that turns `current` into what the form holds: only the fields that
 * differ, so a save never writes back a field someone else changed meanwhile unless the person changed it
 * too, and the history records only real changes. Null when nothing differs. In `deadlines` mode anything
 * but the deadlines is left out (the API refuses it while the campaign is open).
 */
export function buildPatch(current: Campaign, draft: CampaignDraft, mode: EditMode): CampaignPatch | null {
  if (mode === 'none') return null;
  const patch: CampaignPatch = {};
  const deadlines = changedDeadlines(current.deadlines, draft.deadlines);
  if (Object.keys(deadlines).length > 0) patch.deadlines = deadlines;
  if (mode === 'draft') {
    const request = toRequest(draft);
    // The API stores the name trimmed and in NFC: compare the same way, or a stray space reads as a change.
    if (request.name.normalize('NFC') !== current.name.normalize('NFC')) patch.name = request.name;
    if (request.schoolYear !== current.schoolYear) patch.schoolYear = request.schoolYear;
    if (versionPerKind(request.criteria) !== versionPerKind(current.criteria)) patch.criteria = request.criteria;
    if (draft.rule !== current.recognition.rule) patch.recognition = { rule: draft.rule };
  }
  return Object.keys(patch).length === 0 ? null : patch;
}

/** What the browser checks before sending: the whole form for a draft, the deadlines' order for an open campaign. */
export function checkEdit(draft: CampaignDraft, mode: EditMode): Map<FieldKey, Texts> {
  if (mode === 'draft') return checkDraft(draft);
  if (mode === 'deadlines') return deadlineProblems(draft.deadlines);
  return new Map();
}

const sameText = (a: string, b: string): boolean => a.trim().normalize('NFC') === b.trim().normalize('NFC');

/**
 * After a 409: the form moved onto the version stored now without losing anything typed. Each field the
 * person left as they read it takes the stored value (so saving does not undo the other person's change);
 * each field they changed keeps what they typed. `clashes` names the fields both changed, differently.
 */
export function rebaseDraft(read: Campaign, now: Campaign, draft: CampaignDraft): { draft: CampaignDraft; clashes: FieldKey[] } {
  const was = draftOf(read);
  const theirs = draftOf(now);
  const clashes: FieldKey[] = [];
  const pick = <T>(key: FieldKey, mine: T, readValue: T, stored: T, same: (a: T, b: T) => boolean): T => {
    if (same(mine, readValue)) return stored;
    if (!same(stored, readValue) && !same(mine, stored)) clashes.push(key);
    return mine;
  };
  const eq = <T>(a: T, b: T) => a === b;
  const name = pick('name', draft.name, was.name, theirs.name, sameText);
  const schoolYear = pick('schoolYear', draft.schoolYear, was.schoolYear, theirs.schoolYear, sameText);
  const versionByKind: Record<string, string> = {};
  for (const kind of new Set([...Object.keys(draft.versionByKind), ...Object.keys(was.versionByKind), ...Object.keys(theirs.versionByKind)])) {
    const chosen = pick(`kind.${kind}`, draft.versionByKind[kind] ?? '', was.versionByKind[kind] ?? '', theirs.versionByKind[kind] ?? '', eq);
    if (chosen !== '' || kind in draft.versionByKind) versionByKind[kind] = chosen;
  }
  const deadlines = { ...draft.deadlines };
  for (const step of DEADLINE_STEPS) deadlines[step] = pick(`deadlines.${step}`, draft.deadlines[step], was.deadlines[step], theirs.deadlines[step], eq);
  const rule = pick('recognition', draft.rule, was.rule, theirs.rule, eq);
  return { draft: { name, schoolYear, versionByKind, deadlines, rule }, clashes };
}
