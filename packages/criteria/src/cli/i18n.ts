import type { LocalizedText } from '../definition/text.ts';

export type Lang = 'vi' | 'en';

/** Text shown to people in the chosen language, falling back to Vietnamese when there is no English. */
export function pick(text: LocalizedText | undefined, lang: Lang): string {
  if (text === undefined) return '';
  return lang === 'en' ? (text.en ?? text.vi) : text.vi;
}

/** A phrase of the CLI itself, written in both languages where it is used. */
export function say(lang: Lang, vi: string, en: string): string {
  return lang === 'en' ? en : vi;
}
