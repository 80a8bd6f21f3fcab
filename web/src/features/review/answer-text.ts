import type { Field } from '@chiso/criteria';
import { formatNumber, tr } from '../../i18n/locale.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const part = (value: unknown): string => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? formatNumber(value) : '');
const joined = (parts: unknown[]): string => parts.map(part).filter((text) => text !== '').join(' · ');

/** The words for yes and no in the screen's language. */
export interface YesNo {
  yes: string;
  no: string;
}

/**
 * A school's answer as a reviewer reads it: options by their label, a ratio with its percentage, a
 * document by number and date. Returns '' when there is no answer, so the screen can say so.
 */
export function answerText(field: Field, value: unknown, words: YesNo): string {
  if (value === undefined || value === null || value === '') return '';
  switch (field.kind) {
    case 'boolean':
      return value === true ? words.yes : value === false ? words.no : part(value);
    case 'choice':
      return tr(field.options.find((option) => option.value === value)?.label) || part(value);
    case 'multichoice':
      return Array.isArray(value) ? value.map((item) => tr(field.options.find((option) => option.value === item)?.label) || part(item)).join(', ') : part(value);
    case 'ratio': {
      if (!isRecord(value)) return part(value);
      const { numerator, denominator } = value;
      const percent = typeof numerator === 'number' && typeof denominator === 'number' && denominator > 0 ? ` (${formatNumber((numerator * 100) / denominator)}%)` : '';
      return `${part(numerator)} / ${part(denominator)}${percent}`;
    }
    case 'number':
      return typeof value === 'number' ? `${formatNumber(value)}${field.unit ? ` ${tr(field.unit)}` : ''}` : part(value);
    case 'links':
      return Array.isArray(value) ? value.map(part).filter((text) => text !== '').join('\n') : part(value);
    case 'document':
      return isRecord(value) ? joined([value.number, value.date, value.title]) : part(value);
    case 'contact':
      return isRecord(value) ? joined([value.name, value.position, value.email, value.phone]) : part(value);
    default:
      return typeof value === 'object' ? JSON.stringify(value) : part(value);
  }
}

/** The web addresses in a links answer, to show as links a reviewer can open. */
export function linksOf(field: Field, value: unknown): string[] {
  if (field.kind !== 'links' || !Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === 'string' && /^https?:\/\//i.test(item));
}
