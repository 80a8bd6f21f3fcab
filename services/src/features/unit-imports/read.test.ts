import { UNIT_KINDS } from '@chiso/criteria';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../auth/roles.ts';
import { HttpError } from '../../http/errors.ts';
import { fieldOfHeader, kindOf, matchKey, roleOf } from './columns.ts';
import { MAX_ROWS } from './limits.ts';
import { detectFormat, readSheet } from './parse.ts';
import { readRows } from './rows.ts';
import { xlsxOf } from './test-files.ts';
import { declaredUnpackedSize } from './zip-check.ts';

const text = (s: string) => new TextEncoder().encode(s);

async function refusal(promise: Promise<unknown>): Promise<HttpError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof HttpError)) throw new Error(`expected an HttpError, got ${String(error)}`);
  return error;
}

describe('columns', () => {
  it('recognise Vietnamese headers and English aliases regardless of case, diacritics and spacing', () => {
    expect(fieldOfHeader('Mã đơn vị')).toBe('code');
    expect(fieldOfHeader('  MÃ ĐƠN VỊ ')).toBe('code');
    expect(fieldOfHeader('ma don vi')).toBe('code');
    expect(fieldOfHeader('Mã đơn vị cấp trên')).toBe('parentCode');
    expect(fieldOfHeader('Parent code')).toBe('parentCode');
    expect(fieldOfHeader('Tên đăng nhập')).toBe('login');
    expect(fieldOfHeader('Họ và tên')).toBe('accountName');
    expect(fieldOfHeader('Ghi chú')).toBeNull();
  });

  it('read kinds as codes, labels and everyday short names', () => {
    expect(kindOf('THCS')).toBe('lower-secondary');
    expect(kindOf('Trung học phổ thông')).toBe('upper-secondary');
    expect(kindOf('TH & THCS')).toBe('primary-lower-secondary');
    expect(kindOf('th và thcs')).toBe('primary-lower-secondary');
    expect(kindOf('THCS&THPT')).toBe('lower-upper-secondary');
    expect(kindOf('PT nhiều cấp')).toBe('multi-level');
    expect(kindOf('GDTX')).toBe('continuing-education');
    expect(kindOf('Phòng GDĐT')).toBe('district-office');
    expect(kindOf('Mầm non')).toBe('preschool');
    expect(kindOf('PTCS')).toBe('basic-general');
    for (const kind of UNIT_KINDS) expect(kindOf(kind)).toBe(kind);
    expect(kindOf('Đại học')).toBeNull();
  });

  it('read roles as codes and Vietnamese labels', () => {
    for (const role of ROLES) expect(roleOf(role)).toBe(role);
    expect(roleOf('Hiệu trưởng')).toBe('school-head');
    expect(roleOf('quản trị phòng')).toBe('office-admin');
    expect(roleOf('Giám đốc')).toBeNull();
  });

  it('read "và" as "&" only as a word', () => {
    expect(matchKey('TH và THCS')).toBe('th&thcs');
    expect(matchKey('Văn hóa')).toBe('vanhoa');
  });
});

describe('reading the file', () => {
  it('reads CSV with quotes, embedded commas and new lines, semicolons (Excel locales) and a BOM', async () => {
    const comma = await readSheet('csv', text('\uFEFFMã đơn vị,Tên đơn vị,Loại hình\r\nA1,"Trường ""Hoa"", cơ sở 2",THCS\r\n\r\nA2,"Tên\r\nhai dòng",TH\r\n'));
    expect(comma).toEqual([
      { row: 1, cells: ['Mã đơn vị', 'Tên đơn vị', 'Loại hình'] },
      { row: 2, cells: ['A1', 'Trường "Hoa", cơ sở 2', 'THCS'] },
      { row: 4, cells: ['A2', 'Tên\r\nhai dòng', 'TH'] },
    ]);
    const semicolon = await readSheet('csv', text('Mã đơn vị;Tên đơn vị;Loại hình\nA1;Trường A, B;THCS\n'));
    expect(semicolon[1]?.cells).toEqual(['A1', 'Trường A, B', 'THCS']);
  });

  it('reads UTF-16 text with its BOM and refuses text that is not UTF-8', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Mã đơn vị\tTên đơn vị\tLoại hình\nA1\tTrường Á\tTHCS\n', 'utf16le')]);
    expect((await readSheet('csv', utf16))[1]?.cells).toEqual(['A1', 'Trường Á', 'THCS']);
    const latin1 = Buffer.from('Mã đơn vị,Tên đơn vị,Loại hình\nA1,Trường Á,THCS\n', 'latin1');
    expect(await refusal(readSheet('csv', latin1))).toMatchObject({ status: 400, code: 'invalid-encoding' });
  });

  it('refuses malformed CSV, an empty file and more rows than the limit, each with its own code', async () => {
    expect(await refusal(readSheet('csv', text('Mã đơn vị,Tên\n"A1,Tên\n')))).toMatchObject({ status: 400, code: 'invalid-csv' });
    expect(await refusal(readSheet('csv', text('')))).toMatchObject({ status: 400, code: 'empty-file' });
    expect(await refusal(readSheet('csv', text('\r\n ,\r\n')))).toMatchObject({ status: 400, code: 'empty-file' });
    const many = ['Mã đơn vị,Tên đơn vị,Loại hình', ...Array.from({ length: MAX_ROWS + 1 }, (_, i) => `C${i},Trường ${i},TH`)].join('\n');
    expect(await refusal(readSheet('csv', text(many)))).toMatchObject({ status: 400, code: 'too-many-rows' });
  });

  it('reads the first sheet of an XLSX with its row numbers, numbers as text', async () => {
    const bytes = await xlsxOf([['Mã đơn vị', 'Tên đơn vị', 'Loại hình'], ['79001', 'Trường Mầm non Sen Hồng', 'Mầm non'], ['', '', ''], ['A2', 'Trường B', 'TH']]);
    const rows = await readSheet('xlsx', bytes);
    expect(rows.map((row) => row.row)).toEqual([1, 2, 4]);
    expect(rows[1]?.cells).toEqual(['79001', 'Trường Mầm non Sen Hồng', 'Mầm non']);
  });

  it('refuses a damaged XLSX and a zip that unpacks to too much', async () => {
    const bytes = await xlsxOf([['Mã đơn vị'], ['A']]);
    expect(declaredUnpackedSize(bytes)).toBeGreaterThan(0);
    expect(await refusal(readSheet('xlsx', bytes.slice(0, bytes.length - 30)))).toMatchObject({ status: 400, code: 'invalid-xlsx' });
    // A central directory entry that declares 200 MB unpacked.
    const bomb = Buffer.from(bytes);
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    const end = bomb.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    view.setUint32(view.getUint32(end + 16, true) + 24, 200 * 1024 * 1024, true);
    expect(await refusal(readSheet('xlsx', bomb))).toMatchObject({ status: 413, code: 'file-too-large' });
  });

  it('tells the format from the content type, checked against the bytes', async () => {
    const xlsx = await xlsxOf([['a']]);
    expect(detectFormat('text/csv; charset=utf-8', text('a,b'))).toBe('csv');
    expect(detectFormat('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', xlsx)).toBe('xlsx');
    expect(detectFormat('application/octet-stream', xlsx)).toBe('xlsx');
    expect(detectFormat(undefined, text('a,b'))).toBe('csv');
    expect(() => detectFormat('application/pdf', text('%PDF'))).toThrow(expect.objectContaining({ status: 415, code: 'unsupported-file-type' }));
    expect(() => detectFormat('text/csv', xlsx)).toThrow(expect.objectContaining({ code: 'invalid-csv' }));
    expect(() => detectFormat('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', text('a,b'))).toThrow(
      expect.objectContaining({ code: 'invalid-xlsx' }),
    );
  });
});

describe('reading rows against the header', () => {
  it('refuses a file without a header, without a required column, or with a column twice', () => {
    expect(() => readRows([{ row: 1, cells: ['A1', 'Trường A', 'THCS'] }])).toThrow(expect.objectContaining({ code: 'no-header' }));
    expect(() => readRows([{ row: 1, cells: ['Mã đơn vị', 'Tên đơn vị'] }])).toThrow(
      expect.objectContaining({ code: 'missing-columns', details: [expect.objectContaining({ path: 'columns.kind' })] }),
    );
    expect(() => readRows([{ row: 1, cells: ['Mã đơn vị', 'Tên đơn vị', 'Loại hình', 'code'] }])).toThrow(expect.objectContaining({ code: 'duplicate-column' }));
  });

  it('finds the header below title rows, and numbers rows as the sheet does', () => {
    const read = readRows([
      { row: 1, cells: ['DANH SÁCH ĐƠN VỊ TRỰC THUỘC'] },
      { row: 2, cells: ['(kèm theo công văn số 01/SGDĐT)', 'Mã trường'] },
      { row: 4, cells: ['STT', 'Mã đơn vị', 'Tên đơn vị', 'Loại hình'] },
      { row: 5, cells: ['1', 'A1', 'Trường A', 'TH'] },
    ]);
    expect(read.rows).toEqual([expect.objectContaining({ row: 5, code: 'A1', kind: 'primary' })]);
    expect(read.ignoredColumns).toEqual(['STT']);
  });

  it('checks each cell and names the row and the column as the file writes it', () => {
    const read = readRows([
      { row: 1, cells: ['ma don vi', 'Tên đơn vị', 'Loại hình', 'Mã đơn vị cấp trên', 'Email', 'Ghi chú'] },
      { row: 2, cells: ['A 1', '', 'Đại học', 'x#y', 'ht@example.edu.vn', 'ghi chú'] },
      { row: 3, cells: ['A2', 'Trường A2', 'Sở GDĐT', '', '', ''] },
      { row: 4, cells: ['A3', 'Trường A3', 'TH', '', '', ''] },
    ]);
    expect(read.ignoredColumns).toEqual(['Ghi chú']);
    expect(read.errors.map(({ row, column, code }) => ({ row, column, code }))).toEqual([
      { row: 2, column: 'ma don vi', code: 'invalid' },
      { row: 2, column: 'Tên đơn vị', code: 'required' },
      { row: 2, column: 'Loại hình', code: 'unknown-kind' },
      { row: 2, column: 'Mã đơn vị cấp trên', code: 'invalid' },
      { row: 2, column: 'Tên đăng nhập', code: 'login-required' },
      { row: 3, column: 'Loại hình', code: 'kind-not-allowed' },
    ]);
    expect(read.rows[2]).toMatchObject({ code: 'A3', name: 'Trường A3', kind: 'primary', parentCode: null, account: null, valid: true });
    for (const error of read.errors) expect(error.message).not.toBe(error.messageEn);
  });
});
