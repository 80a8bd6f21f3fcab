import * as z from 'zod';

/** Text shown to people: Vietnamese always, English where a translation is given. */
export const LocalizedTextSchema = z.object({
  vi: z.string().trim().min(1, 'Vietnamese text is required'),
  en: z.string().trim().min(1).optional(),
});
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** Builds a localized text; used by code that reports problems to people. */
export function text(vi: string, en?: string): LocalizedText {
  return en === undefined ? { vi } : { vi, en };
}
