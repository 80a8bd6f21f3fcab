import type { LocalizedText } from '../definition/text.ts';
import type { Problem } from '../problem.ts';

/** Answers of a unit, by field id. Untrusted: anything may be in here. */
export type Answers = Readonly<Record<string, unknown>>;
/** Points awarded by an assessor (the school itself or a reviewer), by indicator id. Untrusted. */
export type Awards = Readonly<Record<string, unknown>>;
/** How many items of evidence are attached, by criterion id then evidence slot id. */
export type EvidenceCounts = Readonly<Record<string, Readonly<Record<string, number>>>>;

export interface ScoreOptions {
  /** When given, required evidence slots that are empty make the submission incomplete. */
  evidence?: EvidenceCounts;
}

export interface IndicatorScore {
  id: string;
  relevant: boolean;
  scoring: 'awarded' | 'automatic';
  /** The most this indicator can ever be worth. */
  max: number;
  /** The most the assessors may award given the answers. */
  cap: number;
  /** Points counted: the award when valid, the cap when automatic, 0 otherwise. */
  awarded: number;
  missing: Problem[];
  invalid: Problem[];
}

export interface CriterionScore {
  id: string;
  kind: 'scored' | 'mandatory';
  max: number;
  points: number;
  /** The criterion's level from its bands; null for a mandatory condition. */
  level: number | null;
  /** For a mandatory condition: whether it is met. Always true for a scored criterion. */
  met: boolean;
  /** Why a mandatory condition is not met, for people. Empty when met. */
  unmetReasons: LocalizedText[];
  indicators: IndicatorScore[];
  missing: Problem[];
  invalid: Problem[];
}

export interface GroupScore {
  id: string;
  max: number;
  points: number;
  /** Level from the group's bands alone. */
  bandLevel: number;
  /** Level after the effect of unmet mandatory conditions. */
  level: number;
  unmetMandatory: string[];
  /** Why the level is lower than the bands say, for people; absent when it is not. */
  levelCappedBecause?: LocalizedText;
  criteria: CriterionScore[];
}

export interface ScoreResult {
  groups: GroupScore[];
  total: number;
  /** Level of the total from the set's total bands, when the set has them. */
  totalLevel: number | null;
  overallLevel: number;
  /** True when nothing required is missing and nothing is invalid. */
  complete: boolean;
  /** Everything required that is not there yet, each with the path of the field or award. */
  missing: Problem[];
  /** Everything given that cannot be accepted, each with its path and reason. */
  invalid: Problem[];
}
