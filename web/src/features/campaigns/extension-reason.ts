import { fill, t } from './phrases.ts';

// The API's bounds of an extension's reason, once trimmed (services: campaigns/schemas.ts).
export const REASON_MIN = 3;
export const REASON_MAX = 500;

/** What is wrong with a reason before it is sent, or null: the API checks it again. */
export function reasonProblem(reason: string): string | null {
  const trimmed = reason.trim();
  if (trimmed.length < REASON_MIN) return fill(t('reasonTooShort'), { n: REASON_MIN });
  if (trimmed.length > REASON_MAX) return fill(t('reasonTooLong'), { n: REASON_MAX });
  return null;
}
