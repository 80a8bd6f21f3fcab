import type { UnitKind } from '@chiso/criteria';
import { describe, expect, it } from 'vitest';
import type { StoredUnit } from '../units/schemas.ts';
import { type LoginOwner, MAX_DEPTH, planImport } from './plan.ts';
import { readRows } from './rows.ts';

const AT = '2025-01-01T00:00:00.000Z';

function unit(id: string, parent: StoredUnit | null, kind: UnitKind, code: string | null, extra: Partial<StoredUnit> = {}): StoredUnit {
  return {
    id,
    parentId: parent?.id ?? null,
    name: `Đơn vị ${id}`,
    kind,
    code,
    path: `${parent?.path ?? ''}${id}/`,
    depth: parent === null ? 0 : parent.depth + 1,
    status: 'active',
    version: 3,
    createdAt: AT,
    updatedAt: AT,
    moving: null,
    ...extra,
  };
}

const root = unit('root', null, 'provincial-department', null);
const p1 = unit('p1', root, 'district-office', 'P1');
const p2 = unit('p2', root, 'district-office', 'P2');
const s1 = unit('s1', p1, 'primary', 'S1');
const s2 = unit('s2', p2, 'lower-secondary', 'S2');
const tree = [root, p1, p2, s1, s2];

const HEADER = ['Mã đơn vị', 'Tên đơn vị', 'Loại hình', 'Mã đơn vị cấp trên', 'Tên đăng nhập', 'Họ và tên', 'Email', 'Vai trò'];

function plan(rows: string[][], options: { scope?: StoredUnit; units?: StoredUnit[]; owners?: Map<string, LoginOwner> } = {}) {
  let n = 0;
  const read = readRows([HEADER, ...rows].map((cells, i) => ({ row: i + 1, cells })));
  return planImport({ read, scope: options.scope ?? root, units: options.units ?? tree, loginOwners: options.owners ?? new Map(), newId: () => `new${(n += 1)}` });
}

const codes = (errors: { row: number; code: string }[]) => errors.map(({ row, code }) => `${row}:${code}`);

describe('planning an import', () => {
  it('orders rows parents first, whether the parent comes earlier or later in the file', () => {
    const result = plan([
      ['C1', 'Trường Con', 'THCS', 'PX'],
      ['PX', 'Phòng GDĐT Mới', 'Phòng GDĐT', ''],
      ['C2', 'Trường Cháu', 'TH', 'P1'],
    ]);
    expect(result.errors).toEqual([]);
    expect(result.ops.map((op) => op.code)).toEqual(['PX', 'C1', 'C2']);
    const [px, c1, c2] = result.ops;
    expect(px).toMatchObject({ action: 'create', parentId: 'root', parentPath: 'root/', depth: 1, guards: [{ id: 'root', version: 3 }] });
    expect(c1).toMatchObject({ action: 'create', parentPath: `root/${px?.unitId}/`, depth: 2 });
    expect(c2).toMatchObject({ action: 'create', parentId: 'p1', guards: [{ id: 'p1', version: 3 }, { id: 'root', version: 3 }] });
    expect(result.counts).toMatchObject({ toCreate: 3, toUpdate: 0, unchanged: 0 });
  });

  it('matches existing units by code: same name and kind unchanged, otherwise updated from the version read', () => {
    const result = plan([
      ['P1', 'Đơn vị p1', 'Phòng GDĐT', ''],
      ['s1', 'Trường Tiểu học Đổi Tên', 'TH', 'P1'],
      ['N1', 'Trường mới dưới s1?', 'THCS', 'P1'],
    ]);
    expect(result.errors).toEqual([]);
    expect(result.ops.map((op) => op.action)).toEqual(['unchanged', 'update', 'create']);
    expect(result.ops[1]).toMatchObject({ unitId: 's1', version: 3, before: { name: 'Đơn vị s1', kind: 'primary' }, name: 'Trường Tiểu học Đổi Tên' });
  });

  it('expects a parent the plan updates earlier at its next version', () => {
    const result = plan([
      ['P1', 'Phòng GDĐT Đổi Tên', 'Phòng GDĐT', ''],
      ['N1', 'Trường Mới', 'TH', 'P1'],
    ]);
    expect(result.ops[1]).toMatchObject({ action: 'create', guards: [{ id: 'p1', version: 4 }, { id: 'root', version: 3 }] });
  });

  it('reports every bad row at once, each with its column', () => {
    const result = plan([
      ['D1', 'Trường Một', 'TH', ''],
      ['D1', 'Trường Một Lần Nữa', 'TH', ''],
      ['U1', 'Trường Mồ Côi', 'TH', 'KHONG-CO'],
      ['Y1', 'Vòng Một', 'Phòng GDĐT', 'Y2'],
      ['Y2', 'Vòng Hai', 'Phòng GDĐT', 'Y1'],
      ['SELF', 'Tự Trỏ', 'Phòng GDĐT', 'SELF'],
      ['K1', 'Dưới Trường', 'TH', 'S1'],
      ['S1', 'Đơn vị s1', 'TH', 'P2'],
      ['S2', 'Đơn vị s2', 'Phòng GDĐT', 'P2'],
      ['R1', 'Trường Vai Trò', 'TH', '', 'hieu.truong', 'Nguyễn Văn An', '', 'Quản trị Phòng'],
    ]);
    expect(codes(result.errors)).toEqual([
      '3:duplicate-code',
      '4:unknown-parent',
      '5:parent-cycle',
      '6:parent-cycle',
      '7:parent-cycle',
      '8:parent-is-school',
      '9:move-not-supported',
      '10:kind-level-change',
      '11:role-unfit',
    ]);
    expect(result.errors.find((e) => e.code === 'unknown-parent')).toMatchObject({ column: 'Mã đơn vị cấp trên', field: 'parentCode' });
    expect(result.errors.find((e) => e.code === 'role-unfit')).toMatchObject({ column: 'Vai trò' });
    expect(result.ops).toEqual([]);
  });

  it('treats a parent outside the scope as unknown, and a code outside the scope as taken, without saying where', () => {
    const result = plan(
      [
        ['N1', 'Trường Mới', 'TH', 'P2'],
        ['S2', 'Trường Ngoài', 'THCS', ''],
        ['N2', 'Trường Trong', 'TH', 'P1'],
        ['N3', 'Trường Ngay Dưới', 'TH', ''],
      ],
      { scope: p1 },
    );
    expect(codes(result.errors)).toEqual(['2:unknown-parent', '3:code-taken']);
    const unknown = result.errors[0];
    expect(unknown?.message).not.toContain('p2');
    expect(unknown?.message).not.toContain('Đơn vị p2');
  });

  it('refuses rows under a unit being moved, and under an inactive parent', () => {
    const movingP1 = { ...p1, moving: { toParentId: 'p2', fromPath: p1.path, toPath: `${p2.path}p1/`, startedAt: AT } };
    const inactiveP2 = { ...p2, status: 'inactive' as const };
    const result = plan(
      [
        ['N1', 'Trường Mới', 'TH', 'P1'],
        ['S1', 'Trường Đổi Tên', 'TH', 'P1'],
        ['N2', 'Trường Khác', 'TH', 'P2'],
      ],
      { units: [root, movingP1, inactiveP2, s1, s2] },
    );
    expect(codes(result.errors)).toEqual(['2:unit-moving', '3:unit-moving', '4:parent-inactive']);
  });

  it('keeps an account of the same unit, refuses a login or email of another account or repeated in the file', () => {
    const owners = new Map<string, LoginOwner>([
      ['ht.s1', { accountId: 'a1', homeUnitId: 's1' }],
      ['ht.s2', { accountId: 'a2', homeUnitId: 's2' }],
      ['ht.s2@example.edu.vn', { accountId: 'a2', homeUnitId: 's2' }],
    ]);
    const result = plan(
      [
        ['S1', 'Đơn vị s1', 'TH', 'P1', 'HT.S1', 'Trần Thị Bình', '', ''],
        ['N1', 'Trường Mới', 'TH', '', 'ht.s2', 'Lê Văn Cường', '', ''],
        ['N2', 'Trường Mới Hai', 'TH', '', 'ht.n2', 'Phạm Thị Dung', 'ht.s2@example.edu.vn', ''],
        ['N3', 'Trường Mới Ba', 'TH', '', 'ht.n3', 'Hoàng Văn Em', '', 'Hiệu trưởng'],
        ['N4', 'Trường Mới Bốn', 'TH', '', 'HT.N3', 'Vũ Thị Giang', '', ''],
      ],
      { owners },
    );
    expect(codes(result.errors)).toEqual(['3:login-taken', '4:email-taken', '6:duplicate-login']);
    expect(result.counts).toMatchObject({ accountsToCreate: 1, accountsUnchanged: 1 });
  });

  it('gives a new account the default role of its unit: school head at a school, office admin at an office', () => {
    const result = plan([
      ['PX', 'Phòng GDĐT Mới', 'Phòng GDĐT', '', 'qt.px', 'Đỗ Văn Hùng'],
      ['SX', 'Trường Mới', 'THPT', '', 'ht.sx', 'Ngô Thị Lan'],
    ]);
    expect(result.ops.map((op) => op.account?.role)).toEqual(['office-admin', 'school-head']);
  });

  it('follows a chain of rows listed children first, and refuses one deeper than the limit without recursing', () => {
    const chain = (length: number) => Array.from({ length }, (_, i) => [`C${i}`, `Phòng ${i}`, 'Phòng GDĐT', i === 0 ? '' : `C${i - 1}`]).reverse();
    const fits = plan(chain(MAX_DEPTH));
    expect(fits.errors).toEqual([]);
    expect(fits.ops.map((op) => op.code)).toEqual(Array.from({ length: MAX_DEPTH }, (_, i) => `C${i}`));
    expect(fits.ops[MAX_DEPTH - 1]).toMatchObject({ depth: MAX_DEPTH });
    const started = Date.now();
    const deep = plan(chain(10_000));
    expect(deep.errors).toHaveLength(10_000 - MAX_DEPTH);
    expect(new Set(deep.errors.map((e) => e.code))).toEqual(new Set(['too-deep']));
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
