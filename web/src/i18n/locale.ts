import { createSignal } from 'solid-js';
import { DICTIONARY, type Phrase } from './dictionary.ts';

export type Locale = 'vi' | 'en';

const STORAGE_KEY = 'chiso.locale';

function initialLocale(): Locale {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'vi';
}

const [locale, setLocaleSignal] = createSignal<Locale>(initialLocale());

export { locale };

export function setLocale(next: Locale): void {
  setLocaleSignal(next);
  if (typeof localStorage !== 'undefined') localStorage.setItem(STORAGE_KEY, next);
  if (typeof document !== 'undefined') document.documentElement.lang = next;
}

/** A phrase of the app in the current locale. */
export function t(phrase: Phrase): string {
  return DICTIONARY[phrase][locale()];
}

/** A pair of texts, Vietnamese first (the users' language), English second. */
export interface Texts {
  vi: string;
  en: string;
}

/**
 * A feature's own phrases, kept beside the feature (`features/<name>/phrases.ts`) so that features do not
 * all edit one dictionary; returns that feature's `t`.
 * @example const t = translator({ queue: { vi: 'Hàng chờ', en: 'Queue' } }); t('queue')
 */
export function translator<const D extends Record<string, Texts>>(dictionary: D): (phrase: keyof D & string) => string {
  const phrases: Record<string, Texts> = dictionary;
  return (phrase) => phrases[phrase]?.[locale()] ?? phrase;
}

/** Text from the data (criteria sets, the API): Vietnamese always there, English when given. */
export function tr(text: { vi: string; en?: string | null | undefined } | null | undefined): string {
  if (text === undefined || text === null) return '';
  return locale() === 'en' && text.en ? text.en : text.vi;
}

/** An API error's message in the current locale. */
export function errorText(error: { messageVi: string; messageEn: string }): string {
  return locale() === 'en' ? error.messageEn : error.messageVi;
}

const numberFormats = { vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }), en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }) };

export function formatNumber(value: number): string {
  return numberFormats[locale()].format(value);
}
