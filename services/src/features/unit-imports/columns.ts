import { UNIT_KIND_LABELS, UNIT_KINDS, type UnitKind } from '@chiso/criteria';
import { ROLE_LABELS, ROLES, type Role } from '../../auth/roles.ts';

/** The columns an import file may have; `code`, `name` and `kind` are required. */
export const FIELDS = ['code', 'name', 'kind', 'parentCode', 'login', 'accountName', 'email', 'role'] as const;
export type Field = (typeof FIELDS)[number];

export const REQUIRED_FIELDS: readonly Field[] = ['code', 'name', 'kind'];
export const ACCOUNT_FIELDS: readonly Field[] = ['login', 'accountName', 'email', 'role'];

/** The header people see (Vietnamese), and the one the error list names when the file has no such column. */
export const FIELD_HEADERS: Record<Field, { vi: string; en: string }> = {
  code: { vi: 'Mã đơn vị', en: 'Unit code' },
  name: { vi: 'Tên đơn vị', en: 'Unit name' },
  kind: { vi: 'Loại hình', en: 'Kind' },
  parentCode: { vi: 'Mã đơn vị cấp trên', en: 'Parent code' },
  login: { vi: 'Tên đăng nhập', en: 'Login' },
  accountName: { vi: 'Họ và tên', en: 'Account name' },
  email: { vi: 'Email', en: 'Email' },
  role: { vi: 'Vai trò', en: 'Role' },
};

const HEADER_ALIASES: Record<Field, string[]> = {
  code: ['Mã đơn vị', 'Mã', 'Mã trường', 'code', 'unit code', 'unit_code'],
  name: ['Tên đơn vị', 'Tên', 'Tên trường', 'name', 'unit name', 'unit_name'],
  kind: ['Loại hình', 'Loại đơn vị', 'Loại hình đơn vị', 'kind', 'type', 'unit kind', 'unit_kind'],
  parentCode: ['Mã đơn vị cấp trên', 'Mã cấp trên', 'Đơn vị cấp trên', 'parent code', 'parent_code', 'parent'],
  login: ['Tên đăng nhập', 'Tài khoản', 'login', 'username', 'user name'],
  accountName: ['Họ và tên', 'Họ tên', 'account name', 'full name', 'account_name', 'full_name'],
  email: ['Email', 'Thư điện tử', 'e-mail'],
  role: ['Vai trò', 'Quyền', 'role'],
};

/**
 * How headers, kinds and roles are compared: without diacritics, case, spaces or punctuation, and with
 * "và" read as "&", so "TH và THCS", "th&thcs" and "TH & THCS" are one word.
 * @example matchKey('Mã đơn vị cấp trên') // 'madonvicaptren'
 */
export function matchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/(^|[^a-z0-9])va(?=[^a-z0-9]|$)/g, '$1&')
    .replace(/[^a-z0-9&]/g, '');
}

const HEADER_BY_KEY = new Map<string, Field>(
  FIELDS.flatMap((field) => HEADER_ALIASES[field].map((alias) => [matchKey(alias), field] as const)),
);

/** The field a header cell names, or null for a column the import does not read. */
export function fieldOfHeader(header: string): Field | null {
  return HEADER_BY_KEY.get(matchKey(header)) ?? null;
}

// The short names schools and offices use every day, beside the core's labels and codes.
const KIND_ALIASES: Record<UnitKind, string[]> = {
  preschool: ['Mầm non', 'MN', 'Mẫu giáo', 'Trường Mầm non', 'Nhà trẻ'],
  primary: ['Tiểu học', 'TH', 'Trường Tiểu học'],
  'lower-secondary': ['THCS', 'Trường THCS'],
  'upper-secondary': ['THPT', 'Trường THPT'],
  'primary-lower-secondary': ['TH&THCS', 'TH-THCS', 'Tiểu học và Trung học cơ sở', 'Trường TH&THCS'],
  'lower-upper-secondary': ['THCS&THPT', 'THCS-THPT', 'Trung học cơ sở và Trung học phổ thông', 'Trường THCS&THPT'],
  'basic-general': ['PTCS'],
  'multi-level': ['PT nhiều cấp', 'Nhiều cấp', 'Liên cấp', 'PT nhiều cấp học', 'Trường phổ thông nhiều cấp học'],
  'continuing-education': ['GDTX', 'GDNN-GDTX', 'Trung tâm GDTX', 'Trung tâm GDNN-GDTX', 'TTGDTX', 'TT GDNN-GDTX'],
  'district-office': ['Phòng GDĐT', 'Phòng GD&ĐT', 'Phòng', 'Phòng Giáo dục', 'Phòng Văn hóa - Xã hội'],
  'provincial-department': ['Sở GDĐT', 'Sở GD&ĐT', 'Sở'],
};

const KIND_BY_KEY = new Map<string, UnitKind>(
  UNIT_KINDS.flatMap((kind) =>
    [kind, UNIT_KIND_LABELS[kind].vi, UNIT_KIND_LABELS[kind].en ?? kind, ...KIND_ALIASES[kind]].map((alias) => [matchKey(alias), kind] as const),
  ),
);

/** The unit kind a cell names (a code of UNIT_KINDS or a Vietnamese label), or null. */
export function kindOf(cell: string): UnitKind | null {
  return KIND_BY_KEY.get(matchKey(cell)) ?? null;
}

const ROLE_BY_KEY = new Map<string, Role>(
  ROLES.flatMap((role) => {
    const { vi, en } = ROLE_LABELS[role];
    // "Hiệu trưởng/Thủ trưởng đơn vị" is also accepted as "Hiệu trưởng" or "Thủ trưởng đơn vị".
    return [role, vi, en, ...vi.split('/')].map((alias) => [matchKey(alias), role] as const);
  }),
);

/** The role a cell names (a role code or its Vietnamese label), or null. */
export function roleOf(cell: string): Role | null {
  return ROLE_BY_KEY.get(matchKey(cell)) ?? null;
}
