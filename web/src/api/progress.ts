import type { SubmissionStatus } from './types.ts';

// A campaign's progress (GET /campaigns/:id/progress), read by the campaign screens and the reviewer's queue.

export const DEADLINE_STEPS = ['selfAssessment', 'reviewRequest', 'externalReview', 'recognition', 'publication'] as const;
export type DeadlineStep = (typeof DEADLINE_STEPS)[number];
export type Deadlines = Record<DeadlineStep, string>;

export const PROGRESS_STATUSES = ['not-started', 'draft', 'overdue', 'submitted', 'in-review', 'returned', 'accepted', 'recognised', 'published'] as const satisfies readonly (
  | SubmissionStatus
  | 'not-started'
  | 'overdue'
)[];
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

export interface LevelSummary {
  total: number;
  overallLevel: number;
  groups: { id: string; points: number; level: number }[];
}

/** An office a school belongs to: the nearest one above it (its Phòng, or the Sở). */
export interface OfficeRef {
  id: string;
  name: string;
}

export interface ProgressRow {
  unitId: string;
  unitName: string;
  unitKind: string;
  unitPath: string;
  office: OfficeRef | null;
  status: ProgressStatus;
  criteria: { setKey: string; number: number };
  /** The school's own latest score. */
  score: LevelSummary | null;
  /** The levels at each stage, as far as the cycle has come: the school's own, the reviewer's, the recognised ones. */
  levels: { self: LevelSummary | null; review: LevelSummary | null; recognised: (LevelSummary & { decision: { number: string; date: string } }) | null };
  /** The school's self-assessment deadline, its extension included. */
  deadline: string;
  /** The deadline of the step the unit waits on, its extension included, and whether it has passed; null once published. */
  nextDeadline: { step: DeadlineStep; applies: string; passed: boolean } | null;
  submittedAt: string | null;
  updatedAt: string | null;
}

export interface Progress {
  campaignId: string;
  counts: Partial<Record<ProgressStatus, number>>;
  total: number;
  items: ProgressRow[];
}
