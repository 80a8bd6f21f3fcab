import * as z from 'zod';
import type { LocalizedText } from './text.ts';

/**
 * Kinds of unit a criteria set can apply to. Schools by level, continuing-education centres,
 * and the education offices themselves (3806/QĐ-BGDĐT assesses offices).
 */
export const UNIT_KINDS = [
  'preschool',
  'primary',
  'lower-secondary',
  'upper-secondary',
  'primary-lower-secondary',
  'lower-upper-secondary',
  'basic-general',
  'multi-level',
  'continuing-education',
  'district-office',
  'provincial-department',
] as const;

export const UnitKindSchema = z.enum(UNIT_KINDS);
export type UnitKind = z.infer<typeof UnitKindSchema>;

export const UNIT_KIND_LABELS: Record<UnitKind, LocalizedText> = {
  preschool: { vi: 'Mầm non', en: 'Preschool' },
  primary: { vi: 'Tiểu học', en: 'Primary school' },
  'lower-secondary': { vi: 'Trung học cơ sở', en: 'Lower secondary school' },
  'upper-secondary': { vi: 'Trung học phổ thông', en: 'Upper secondary school' },
  'primary-lower-secondary': { vi: 'Tiểu học và THCS', en: 'Primary and lower secondary school' },
  'lower-upper-secondary': { vi: 'THCS và THPT', en: 'Lower and upper secondary school' },
  'basic-general': { vi: 'Phổ thông cơ sở', en: 'Basic general school' },
  'multi-level': { vi: 'Phổ thông nhiều cấp học', en: 'Multi-level school' },
  'continuing-education': { vi: 'Trung tâm GDTX / GDNN-GDTX', en: 'Continuing-education centre' },
  'district-office': { vi: 'Phòng Giáo dục và Đào tạo', en: 'District or commune education office' },
  'provincial-department': { vi: 'Sở Giáo dục và Đào tạo', en: 'Provincial department of education' },
};
