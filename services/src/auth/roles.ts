import { type UnitKind, UNIT_KINDS } from '@chiso/criteria';
import * as z from 'zod';

/**
 * The roles of the platform. Each is granted at a unit and reaches that unit's whole subtree; what a
 * role may do there is decided in one place, auth/scope.ts.
 */
export const ROLES = ['province-admin', 'province-viewer', 'office-admin', 'office-reviewer', 'school-editor', 'school-head'] as const;

export type Role = (typeof ROLES)[number];

export const RoleSchema = z.enum(ROLES).meta({
  id: 'Role',
  description:
    'province-admin: Quản trị Sở; province-viewer: Xem báo cáo Sở; office-admin: Quản trị Phòng; office-reviewer: Chuyên viên ' +
    'đánh giá; school-editor: Cán bộ nhập liệu trường; school-head: Hiệu trưởng/Thủ trưởng đơn vị (người duy nhất được nộp).',
});

export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  'province-admin': { vi: 'Quản trị Sở', en: 'Province administrator' },
  'province-viewer': { vi: 'Xem báo cáo Sở', en: 'Province report viewer' },
  'office-admin': { vi: 'Quản trị Phòng', en: 'Office administrator' },
  'office-reviewer': { vi: 'Chuyên viên đánh giá', en: 'Reviewer' },
  'school-editor': { vi: 'Cán bộ nhập liệu trường', en: 'School data editor' },
  'school-head': { vi: 'Hiệu trưởng/Thủ trưởng đơn vị', en: 'Head of school' },
};

/** Where a unit stands in the tree: the Sở (the root), an education office, or a school. */
export type UnitLevel = 'province' | 'office' | 'school';

/** The unit kinds that are offices (they have units beneath them); every other kind is a school. */
export const OFFICE_KINDS = ['provincial-department', 'district-office'] as const satisfies readonly UnitKind[];

/** The kinds a school may have: every unit kind of the core that is not an office. */
export const SCHOOL_KINDS = UNIT_KINDS.filter((kind) => !(OFFICE_KINDS as readonly string[]).includes(kind));

export function isOfficeKind(kind: UnitKind): boolean {
  return (OFFICE_KINDS as readonly string[]).includes(kind);
}

/** A role is granted at a unit of its level: province roles at the Sở, office roles at an office (a Phòng, or the Sở itself, which reviews the schools under it), school roles at a school. */
export function roleFitsUnit(role: Role, kind: UnitKind): boolean {
  if (role === 'province-admin' || role === 'province-viewer') return kind === 'provincial-department';
  if (role === 'office-admin' || role === 'office-reviewer') return isOfficeKind(kind);
  return !isOfficeKind(kind);
}
