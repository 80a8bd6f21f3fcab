import type { Campaign, Extension } from './schemas.ts';

// Vietnam keeps UTC+7 all year: a deadline day ends at 23:59:59.999 there, 16:59:59.999 UTC.
const VIETNAM_OFFSET = '+07:00';

/**
 * The last instant of a deadline day: a deadline is inclusive, in Vietnam time.
 * @example endOfDay('2025-01-31') // Date.parse('2025-01-31T23:59:59.999+07:00')
 */
export function endOfDay(date: string): number {
  return Date.parse(`${date}T23:59:59.999${VIETNAM_OFFSET}`);
}

/** The self-assessment deadline that holds for one unit: its extension if it has one, else the campaign's. */
export function selfAssessmentDeadline(campaign: Campaign, extension: Extension | null): string {
  return extension?.until ?? campaign.deadlines.selfAssessment;
}

/** True once the unit's self-assessment deadline day is over. */
export function isPastSelfAssessment(campaign: Campaign, extension: Extension | null, now: Date): boolean {
  return now.getTime() > endOfDay(selfAssessmentDeadline(campaign, extension));
}
