import { type Definition, type ScoreResult, scoreSubmission } from '@chiso/criteria';
import { evidenceCounts } from '../evidence/api.ts';
import type { EvidenceMap, ReviewPatch } from './api.ts';

/** What the reviewer has typed, by indicator id (points) and criterion id (comments); '' is nothing. */
export interface Typed {
  awards: Record<string, string>;
  comments: Record<string, string>;
}

/** The reviewer's points and comments as the API keeps them. */
export interface SavedReview {
  awards: Record<string, number>;
  comments: Record<string, string>;
}

/** A typed award: a number when it reads as one (a decimal comma allowed), else the text, for the core to refuse. */
export function readAward(raw: string): number | string | null {
  const trimmed = raw.trim();
  if (trimmed === '') return null;
  const normal = trimmed.replace(',', '.');
  const value = Number(normal);
  return Number.isFinite(value) && /^-?\d+(\.\d+)?$/.test(normal) ? value : trimmed;
}

export const typedFrom = (saved: SavedReview): Typed => ({
  awards: Object.fromEntries(Object.entries(saved.awards).map(([id, points]) => [id, String(points)])),
  comments: { ...saved.comments },
});

/** The reviewer's awards as typed: an indicator left empty keeps the school's points. */
export function typedAwards(typed: Typed): Record<string, number | string> {
  const awards: Record<string, number | string> = {};
  for (const [id, raw] of Object.entries(typed.awards)) {
    const value = readAward(raw);
    if (value !== null) awards[id] = value;
  }
  return awards;
}

/**
 * The reviewer's score as the API computes it (reviews/scoring.ts): the school's answers and evidence, the
 * reviewer's points where it typed some and the school's elsewhere, scored by the core. Invalid typed points
 * (above the cap, off the step) come back in `invalid` with the path `['awards', id]`.
 */
export function reviewerScore(definition: Definition, school: { answers: Record<string, unknown>; awards: Record<string, number>; evidence: EvidenceMap }, typed: Typed): ScoreResult {
  return scoreSubmission(definition, school.answers, { ...school.awards, ...typedAwards(typed) }, { evidence: evidenceCounts(school.evidence) });
}

/** Only what changed since the saved review, `null` removing an entry; null when nothing changed. Unreadable points are left for the core's message. */
export function reviewPatch(saved: SavedReview, typed: Typed, version: number): ReviewPatch | null {
  const awards: Record<string, number | null> = {};
  for (const id of new Set([...Object.keys(saved.awards), ...Object.keys(typed.awards)])) {
    const value = readAward(typed.awards[id] ?? '');
    if (typeof value === 'string') continue;
    if (value !== (saved.awards[id] ?? null)) awards[id] = value;
  }
  const comments: Record<string, string | null> = {};
  for (const id of new Set([...Object.keys(saved.comments), ...Object.keys(typed.comments)])) {
    const text = (typed.comments[id] ?? '').trim();
    const value = text === '' ? null : text;
    if (value !== (saved.comments[id] ?? null)) comments[id] = value;
  }
  const patch: ReviewPatch = { version };
  if (Object.keys(awards).length > 0) patch.awards = awards;
  if (Object.keys(comments).length > 0) patch.comments = comments;
  return patch.awards === undefined && patch.comments === undefined ? null : patch;
}

export interface Side {
  points: number;
  max: number;
  level: number;
}

/** One line of the totals: a group or the whole unit, the school's figures beside the reviewer's. */
export interface TotalsRow {
  id: string;
  kind: 'group' | 'overall';
  school: Side;
  reviewer: Side;
  differs: boolean;
}

/** The groups and the overall level, school and reviewer side by side, in the definition's order. */
export function totalsRows(school: ScoreResult, reviewer: ScoreResult): TotalsRow[] {
  const rows: TotalsRow[] = school.groups.map((group) => {
    const other = reviewer.groups.find((candidate) => candidate.id === group.id);
    const mine: Side = { points: group.points, max: group.max, level: group.level };
    const theirs: Side = other ? { points: other.points, max: other.max, level: other.level } : mine;
    return { id: group.id, kind: 'group', school: mine, reviewer: theirs, differs: mine.points !== theirs.points || mine.level !== theirs.level };
  });
  const max = school.groups.reduce((sum, group) => sum + group.max, 0);
  const overall = (score: ScoreResult): Side => ({ points: score.total, max, level: score.overallLevel });
  rows.push({ id: 'overall', kind: 'overall', school: overall(school), reviewer: overall(reviewer), differs: school.total !== reviewer.total || school.overallLevel !== reviewer.overallLevel });
  return rows;
}
