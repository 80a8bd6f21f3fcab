import type { UnitKind } from '@chiso/criteria';
import type { Role } from '../auth/roles.ts';

/**
 * The demo province: a fictional Sở with two offices, schools of several kinds, and a THPT and a
 * continuing-education centre straight under the Sở, as DOMAIN.md §1 describes real trees. Every name is
 * made up; no real person, school or province.
 */
export const DEMO_TENANT = { id: 'demo', name: 'Sở Giáo dục và Đào tạo tỉnh Minh Hòa', provinceName: 'Tỉnh Minh Hòa (demo)' };

/** The one password of every demo account: printed at start, so anyone trying the product can sign in. */
export const DEMO_PASSWORD = 'chiso-demo-2025';

export interface DemoUnit {
  code: string;
  name: string;
  kind: UnitKind;
  /** Null: the root (the Sở itself). */
  parent: string | null;
}

export const DEMO_UNITS: DemoUnit[] = [
  { code: 'MH-SO', name: DEMO_TENANT.name, kind: 'provincial-department', parent: null },
  { code: 'MH-PGD-TP', name: 'Phòng GDĐT Thành phố Minh Hòa', kind: 'district-office', parent: 'MH-SO' },
  { code: 'MH-PGD-VP', name: 'Phòng GDĐT Huyện Vân Phong', kind: 'district-office', parent: 'MH-SO' },
  { code: 'MH-MN-HM', name: 'Trường Mầm non Hoa Mai', kind: 'preschool', parent: 'MH-PGD-TP' },
  { code: 'MH-TH-SB', name: 'Trường Tiểu học Sông Biếc', kind: 'primary', parent: 'MH-PGD-TP' },
  { code: 'MH-THCS-DT', name: 'Trường THCS Đồi Thông', kind: 'lower-secondary', parent: 'MH-PGD-TP' },
  { code: 'MH-THTHCS-SM', name: 'Trường TH&THCS Suối Mơ', kind: 'primary-lower-secondary', parent: 'MH-PGD-VP' },
  { code: 'MH-TH-VP', name: 'Trường Tiểu học Vân Phong', kind: 'primary', parent: 'MH-PGD-VP' },
  { code: 'MH-THCS-CG', name: 'Trường THCS Cây Gạo', kind: 'lower-secondary', parent: 'MH-PGD-VP' },
  { code: 'MH-THPT-MH', name: 'Trường THPT Minh Hòa', kind: 'upper-secondary', parent: 'MH-SO' },
  { code: 'MH-GDTX', name: 'Trung tâm GDNN-GDTX Minh Hòa', kind: 'continuing-education', parent: 'MH-SO' },
];

export interface DemoAccount {
  login: string;
  name: string;
  position: string;
  unit: string;
  role: Role;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { login: 'so.quantri', name: 'Nguyễn Văn Quản Trị (demo)', position: 'Chuyên viên phòng Kế hoạch – Tài chính', unit: 'MH-SO', role: 'province-admin' },
  { login: 'so.xem', name: 'Trần Thị Xem (demo)', position: 'Lãnh đạo Sở', unit: 'MH-SO', role: 'province-viewer' },
  { login: 'so.danhgia', name: 'Lê Văn Đánh Giá (demo)', position: 'Chuyên viên phòng GDTrH', unit: 'MH-SO', role: 'office-reviewer' },
  { login: 'pgd.tp.quantri', name: 'Phạm Thị Phòng (demo)', position: 'Phó Trưởng phòng', unit: 'MH-PGD-TP', role: 'office-admin' },
  { login: 'pgd.tp.danhgia', name: 'Hoàng Văn Kiểm (demo)', position: 'Chuyên viên', unit: 'MH-PGD-TP', role: 'office-reviewer' },
  { login: 'pgd.vp.danhgia', name: 'Vũ Thị Duyệt (demo)', position: 'Chuyên viên', unit: 'MH-PGD-VP', role: 'office-reviewer' },
  { login: 'th.songbiec.nhaplieu', name: 'Đỗ Thị Nhập (demo)', position: 'Giáo viên tin học', unit: 'MH-TH-SB', role: 'school-editor' },
  { login: 'th.songbiec.hieutruong', name: 'Bùi Văn Hiệu (demo)', position: 'Hiệu trưởng', unit: 'MH-TH-SB', role: 'school-head' },
  { login: 'thcs.doithong.hieutruong', name: 'Đặng Thị Trưởng (demo)', position: 'Hiệu trưởng', unit: 'MH-THCS-DT', role: 'school-head' },
  { login: 'thpt.minhhoa.hieutruong', name: 'Ngô Văn Thành (demo)', position: 'Hiệu trưởng', unit: 'MH-THPT-MH', role: 'school-head' },
  { login: 'gdtx.giamdoc', name: 'Dương Thị Tâm (demo)', position: 'Giám đốc trung tâm', unit: 'MH-GDTX', role: 'school-head' },
];
