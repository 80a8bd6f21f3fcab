import type { Texts } from '../i18n/locale.ts';

export type Role = 'province-admin' | 'province-viewer' | 'office-admin' | 'office-reviewer' | 'school-editor' | 'school-head';

export interface NavEntry {
  /** Where the entry leads; the first entry a role sees is its home. */
  path: string;
  label: Texts;
  /** The roles that see it (the API still decides what each may do). */
  roles: readonly Role[];
}

/** The app's main areas, in the order they appear in the navigation. Features add their entry here. */
export const NAV: readonly NavEntry[] = [
  { path: '/campaigns', label: { vi: 'Hồ sơ tự đánh giá', en: 'Self-assessment' }, roles: ['school-editor', 'school-head'] },
  { path: '/manage/campaigns', label: { vi: 'Kỳ đánh giá', en: 'Campaigns' }, roles: ['province-admin', 'office-admin', 'province-viewer'] },
  { path: '/review', label: { vi: 'Đánh giá ngoài', en: 'External review' }, roles: ['office-reviewer', 'office-admin', 'province-admin'] },
  { path: '/builder', label: { vi: 'Bộ chỉ số', en: 'Criteria sets' }, roles: ['province-admin'] },
];

export function navFor(role: string): NavEntry[] {
  return NAV.filter((entry) => (entry.roles as readonly string[]).includes(role));
}

/** Where a role lands after sign-in: its first area, else the page that says there is nothing for it yet. */
export function homeFor(role: string): string {
  return navFor(role)[0]?.path ?? '/nothing-here';
}
