import type { Definition, Field } from '@chiso/criteria';
import { formatNumber, t, tr } from '../../i18n/locale.ts';
import type { ConflictKind } from './merge.ts';
import { tf } from './phrases.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The field (or indicator, for an award) a conflict is about, found in the definition. */
export function conflictLabel(definition: Definition, kind: ConflictKind, id: string): string {
  for (const group of definition.groups)
    for (const criterion of group.criteria)
      for (const indicator of criterion.indicators) {
        if (kind === 'award' && indicator.id === id) return `${tf('awardOf')} ${indicator.id}. ${tr(indicator.title)}`;
        const field = kind === 'answer' ? indicator.fields.find((candidate) => candidate.id === id) : undefined;
        if (field) return `${indicator.id}. ${tr(field.label)}`;
      }
  return id;
}

export function fieldOf(definition: Definition, id: string): Field | undefined {
  for (const group of definition.groups) for (const criterion of group.criteria) for (const indicator of criterion.indicators) for (const field of indicator.fields) if (field.id === id) return field;
  return undefined;
}

/** A value as the form shows it: Có/Không, the option's label, "12 / 20", a document's number and date… */
export function describeValue(field: Field | undefined, value: unknown): string {
  if (value === undefined || value === null || value === '') return tf('empty');
  if (typeof value === 'boolean') return value ? t('yes') : t('no');
  if (typeof value === 'number') return formatNumber(value);
  if (field && (field.kind === 'choice' || field.kind === 'multichoice')) {
    const labelOf = (option: unknown) => tr(field.options.find((candidate) => candidate.value === option)?.label) || String(option);
    return Array.isArray(value) ? value.map(labelOf).join(', ') : labelOf(value);
  }
  if (Array.isArray(value)) return value.map((item) => describeValue(undefined, item)).join(', ');
  if (isRecord(value)) {
    if ('numerator' in value || 'denominator' in value) return `${describeValue(undefined, value.numerator)} / ${describeValue(undefined, value.denominator)}`;
    return Object.values(value)
      .filter((part) => part !== null && part !== undefined && part !== '')
      .map((part) => describeValue(undefined, part))
      .join(' · ');
  }
  return String(value);
}
