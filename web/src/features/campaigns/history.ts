import { type AuditEvent, type Campaign, type CampaignStatus, DEADLINE_STEPS, type DeadlineStep, EXTENDED_STEPS, type ExtendedStep, type RecognitionRule } from './api.ts';

// A campaign's history as people read it, from the audit events of the campaign (GET /campaigns/:id/history).
// The events keep the changed fields before → after as loose records; everything here reads them defensively,
// so an event written by an older or newer server shows what it can instead of breaking the list.

export interface CriteriaSummary {
  label: string;
  ref: string;
  kinds: string[];
}

/** One changed field, before → after (null: not there, e.g. before the campaign was created). */
export type HistoryChange =
  | { field: 'name' | 'schoolYear'; before: string | null; after: string | null }
  | { field: 'status'; before: CampaignStatus | null; after: CampaignStatus | null }
  | { field: 'recognition'; before: RecognitionRule | null; after: RecognitionRule | null }
  | { field: 'criteria'; before: CriteriaSummary[] | null; after: CriteriaSummary[] | null }
  | { field: 'deadline'; step: DeadlineStep; before: string | null; after: string | null };

/** One unit's extension of one step, as granted or moved. */
export interface ExtensionChange {
  unitId: string;
  step: ExtendedStep;
  before: string | null;
  after: string | null;
  reason: string | null;
}

export type HistoryKind = 'created' | 'updated' | 'opened' | 'closed' | 'extension' | 'other';

export interface HistoryEntry {
  id: string;
  at: string;
  /** The account that made the change; null for the system administrator or an anonymous actor. */
  accountId: string | null;
  /** That account's name, as the API gives it with the event. */
  authorName: string | null;
  kind: HistoryKind;
  action: string;
  changes: HistoryChange[];
  extension: ExtensionChange | null;
  /** How many submissions opening created. */
  enrolled: number | null;
}

type Loose = Record<string, unknown> | null;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const STATUSES: readonly CampaignStatus[] = ['draft', 'open', 'closed'];
const RULES: readonly RecognitionRule[] = ['nearest-office', 'owner'];
const statusOf = (value: unknown): CampaignStatus | null => STATUSES.find((status) => status === value) ?? null;
const ruleOf = (value: unknown): RecognitionRule | null => (isRecord(value) ? (RULES.find((rule) => rule === value.rule) ?? null) : null);

function criteriaOf(value: unknown): CriteriaSummary[] | null {
  if (!Array.isArray(value)) return null;
  return value.filter(isRecord).map((entry) => ({
    label: text(entry.label) ?? '',
    ref: `${text(entry.setKey) ?? '?'}@${typeof entry.number === 'number' ? entry.number : '?'}`,
    kinds: Array.isArray(entry.kinds) ? entry.kinds.filter((kind): kind is string => typeof kind === 'string') : [],
  }));
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The fields that differ between two snapshots of a campaign, in the order the form shows them, each
 * deadline on its own line. A field missing on one side (the audit keeps only changed fields) is not a change.
 */
export function snapshotChanges(before: Loose, after: Loose): HistoryChange[] {
  const was = before ?? {};
  const now = after ?? {};
  // A creation has no `before`: every field it sets is new.
  const changed = (key: string) => key in now && (before === null || key in was) && !same(was[key], now[key]);
  const changes: HistoryChange[] = [];
  for (const field of ['name', 'schoolYear'] as const) if (changed(field)) changes.push({ field, before: text(was[field]), after: text(now[field]) });
  if (changed('status')) changes.push({ field: 'status', before: statusOf(was.status), after: statusOf(now.status) });
  if (changed('criteria')) changes.push({ field: 'criteria', before: criteriaOf(was.criteria), after: criteriaOf(now.criteria) });
  if (changed('deadlines')) {
    const from = isRecord(was.deadlines) ? was.deadlines : {};
    const to = isRecord(now.deadlines) ? now.deadlines : {};
    for (const step of DEADLINE_STEPS)
      if (!same(from[step], to[step])) changes.push({ field: 'deadline', step, before: text(from[step]), after: text(to[step]) });
  }
  if (changed('recognition')) changes.push({ field: 'recognition', before: ruleOf(was.recognition), after: ruleOf(now.recognition) });
  return changes;
}

/** A campaign as the audit log snapshots it, to compare two versions the same way the history does. */
export const snapshotOfCampaign = (campaign: Campaign): Record<string, unknown> => ({
  name: campaign.name,
  schoolYear: campaign.schoolYear,
  status: campaign.status,
  criteria: campaign.criteria.map((entry) => ({ kinds: [...entry.kinds].sort(), setKey: entry.setKey, number: entry.number, label: entry.label })),
  deadlines: { ...campaign.deadlines },
  recognition: { ...campaign.recognition },
});

/** What changed from the version someone read to the one stored now (shown when a save meets a 409). */
export const campaignChanges = (read: Campaign, now: Campaign): HistoryChange[] => snapshotChanges(snapshotOfCampaign(read), snapshotOfCampaign(now));

const KINDS: Record<string, HistoryKind> = {
  'campaign.created': 'created',
  'campaign.updated': 'updated',
  'campaign.opened': 'opened',
  'campaign.closed': 'closed',
  'campaign.extension-granted': 'extension',
};

function extensionOf(event: AuditEvent): ExtensionChange | null {
  const after = event.after ?? {};
  const before = event.before ?? {};
  const unitId = text(after.unitId);
  if (unitId === null) return null;
  // Extensions granted before other steps could be extended carry no step: they are self-assessment.
  const step = EXTENDED_STEPS.find((candidate) => candidate === after.step) ?? 'selfAssessment';
  return { unitId, step, before: text(before.until), after: text(after.until), reason: text(after.reason) };
}

/** One audit event as a history entry. */
export function historyEntry(event: AuditEvent): HistoryEntry {
  const kind = KINDS[event.action] ?? 'other';
  const accountId = event.actor.kind === 'account' ? event.actor.accountId : null;
  const authorName = event.actor.kind === 'account' ? (event.actor.name ?? null) : null;
  const extension = kind === 'extension' ? extensionOf(event) : null;
  // A new campaign starts as a draft: saying so adds nothing to its first entry.
  const changes = kind === 'extension' ? [] : snapshotChanges(event.before, event.after).filter((change) => !(kind === 'created' && change.field === 'status'));
  const enrolling = event.after?.enrolling;
  return { id: event.id, at: event.at, accountId, authorName, kind, action: event.action, changes, extension, enrolled: typeof enrolling === 'number' ? enrolling : null };
}

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const pad = (value: number): string => String(value).padStart(2, '0');

/**
 * A moment in Vietnam time (UTC+7 all year, no daylight saving), `dd/mm/yyyy HH:mm`: the deadlines are
 * Vietnam days, so the history reads the same wherever the browser's clock is set.
 */
export function vietnamTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const local = new Date(ms + VIETNAM_OFFSET_MS);
  return `${pad(local.getUTCDate())}/${pad(local.getUTCMonth() + 1)}/${local.getUTCFullYear()} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}
