import type { UnitKind } from '@chiso/criteria';
import * as z from 'zod';
import type { Role } from '../../auth/roles.ts';
import { HttpError } from '../../http/errors.ts';
import { EmailSchema, LoginSchema } from '../accounts/schemas.ts';
import { UnitCodeSchema, UnitNameSchema } from '../units/schemas.ts';
import { ACCOUNT_FIELDS, FIELD_HEADERS, type Field, REQUIRED_FIELDS, fieldOfHeader, kindOf, roleOf } from './columns.ts';
import type { SheetRow } from './parse.ts';
import type { RowError } from './schemas.ts';

const PersonNameSchema = z.string().normalize('NFC').min(2).max(200);

/** How many rows from the top may hold titles before the header row. */
const HEADER_SEARCH_ROWS = 10;

/** One data row with each field read and checked on its own; a field that is missing or wrong is null and has its error. */
export interface ImportRow {
  row: number;
  code: string | null;
  name: string | null;
  kind: UnitKind | null;
  /** Null: the row's unit goes directly under the import's scope unit. */
  parentCode: string | null;
  /** The parent code cell holds something that is not a code (its error is reported). */
  parentCodeInvalid: boolean;
  account: { login: string; name: string; email: string | null; role: Role | null } | null;
  /** False when any field of the row has an error: the row is still matched, so that its other problems show too. */
  valid: boolean;
}

/** The file's rows, read against its header, with every problem a single row can have on its own. */
export interface ReadRows {
  rows: ImportRow[];
  errors: RowError[];
  /** The header text of each column the file has, for error reports. */
  headers: Partial<Record<Field, string>>;
  /** Columns of the file that the import does not read (a typo shows here instead of vanishing). */
  ignoredColumns: string[];
  hasAccountColumns: boolean;
}

/** Maps the header row to fields (400 when the header is missing or ambiguous), then checks every data row. */
export function readRows(sheet: SheetRow[]): ReadRows {
  // Templates often carry a title or two above the header: the header is the first row naming two known columns.
  const found = sheet.slice(0, HEADER_SEARCH_ROWS).findIndex((row) => new Set(row.cells.map(fieldOfHeader).filter((f) => f !== null)).size >= 2);
  const start = Math.max(found, 0);
  const header = sheet[start];
  const data = sheet.slice(start + 1);
  if (header === undefined) throw new HttpError(400, 'empty-file', 'Tệp không có dữ liệu', 'The file is empty');
  const columns = new Map<Field, number>();
  const headers: Partial<Record<Field, string>> = {};
  const ignoredColumns: string[] = [];
  header.cells.forEach((cell, index) => {
    const text = cell.trim();
    if (text === '') return;
    const field = fieldOfHeader(text);
    if (field === null) return ignoredColumns.push(text);
    const seen = headers[field];
    if (seen !== undefined) {
      throw new HttpError(400, 'duplicate-column', `Tệp có hai cột “${FIELD_HEADERS[field].vi}” (“${seen}” và “${text}”)`, `The file has two "${FIELD_HEADERS[field].en}" columns ("${seen}" and "${text}")`);
    }
    columns.set(field, index);
    headers[field] = text;
  });
  if (columns.size === 0) {
    throw new HttpError(
      400,
      'no-header',
      `Dòng ${header.row} không phải dòng tiêu đề: cần các cột ${REQUIRED_FIELDS.map((f) => `“${FIELD_HEADERS[f].vi}”`).join(', ')}`,
      `Row ${header.row} is not a header row: the columns ${REQUIRED_FIELDS.map((f) => `"${FIELD_HEADERS[f].en}"`).join(', ')} are needed`,
    );
  }
  const missing = REQUIRED_FIELDS.filter((field) => !columns.has(field));
  if (missing.length > 0) {
    throw new HttpError(
      400,
      'missing-columns',
      `Thiếu cột bắt buộc: ${missing.map((f) => `“${FIELD_HEADERS[f].vi}”`).join(', ')}`,
      `Required columns are missing: ${missing.map((f) => `"${FIELD_HEADERS[f].en}"`).join(', ')}`,
      missing.map((field) => ({
        path: `columns.${field}`,
        code: 'missing-column',
        message: `Thiếu cột “${FIELD_HEADERS[field].vi}”`,
        messageEn: `The "${FIELD_HEADERS[field].en}" column is missing`,
      })),
    );
  }
  const errors: RowError[] = [];
  const rows = data.map((sheetRow) => readRow(sheetRow, columns, headers, errors));
  return { rows, errors, headers, ignoredColumns, hasAccountColumns: ACCOUNT_FIELDS.some((field) => columns.has(field)) };
}

function readRow(sheetRow: SheetRow, columns: Map<Field, number>, headers: Partial<Record<Field, string>>, errors: RowError[]): ImportRow {
  const before = errors.length;
  const value = (field: Field): string | null => {
    const index = columns.get(field);
    const text = index === undefined ? '' : (sheetRow.cells[index] ?? '').trim().normalize('NFC');
    return text === '' ? null : text;
  };
  const fail = (field: Field, code: string, vi: string, en: string) =>
    errors.push(rowError(sheetRow.row, headers, field, code, vi, en));
  const required = (field: Field): string | null => {
    const text = value(field);
    if (text === null) fail(field, 'required', `Thiếu “${FIELD_HEADERS[field].vi}”`, `"${FIELD_HEADERS[field].en}" is required`);
    return text;
  };
  const checked = <T>(field: Field, text: string | null, schema: z.ZodType<T>, vi: string, en: string): T | null => {
    if (text === null) return null;
    const parsed = schema.safeParse(text);
    if (parsed.success) return parsed.data;
    fail(field, 'invalid', vi, en);
    return null;
  };

  const codeText = required('code');
  const code = checked('code', codeText, UnitCodeSchema, `Mã đơn vị “${codeText}” không hợp lệ: chỉ gồm chữ không dấu, số, dấu chấm, gạch dưới, gạch ngang (tối đa 40 ký tự)`, `Unit code "${codeText}" is invalid: letters without diacritics, digits, dot, underscore, hyphen (40 at most)`);
  const nameText = required('name');
  const name = checked('name', nameText, UnitNameSchema, 'Tên đơn vị phải dài từ 2 đến 200 ký tự', 'The unit name must be 2 to 200 characters long');
  const kindText = required('kind');
  let kind: UnitKind | null = null;
  if (kindText !== null) {
    kind = kindOf(kindText);
    if (kind === null) {
      fail('kind', 'unknown-kind', `Không rõ loại hình “${kindText}” (ví dụ: Mầm non, Tiểu học, THCS, THPT, TH&THCS, THCS&THPT, PTCS, PT nhiều cấp, GDTX, Phòng GDĐT)`, `Unknown kind "${kindText}" (e.g. preschool, primary, lower-secondary, upper-secondary, district-office)`);
    } else if (kind === 'provincial-department') {
      fail('kind', 'kind-not-allowed', 'Không nhập được Sở GDĐT: Sở được tạo cùng tỉnh', 'A provincial department cannot be imported: it is created with the tenant');
      kind = null;
    }
  }
  const parentText = value('parentCode');
  const parentCode = checked('parentCode', parentText, UnitCodeSchema, `Mã đơn vị cấp trên “${parentText}” không hợp lệ`, `Parent code "${parentText}" is invalid`);

  let account: ImportRow['account'] = null;
  const loginText = value('login');
  const accountCells = ACCOUNT_FIELDS.filter((field) => field !== 'login' && value(field) !== null);
  if (loginText === null && accountCells.length > 0) {
    fail('login', 'login-required', `Có ${accountCells.map((f) => `“${FIELD_HEADERS[f].vi}”`).join(', ')} nhưng thiếu “Tên đăng nhập”`, `${accountCells.map((f) => `"${FIELD_HEADERS[f].en}"`).join(', ')} given without a login`);
  }
  if (loginText !== null) {
    const login = checked('login', loginText, LoginSchema, `Tên đăng nhập “${loginText}” không hợp lệ: 3–64 ký tự a-z, 0-9 và . _ @ -`, `Login "${loginText}" is invalid: 3–64 characters of a-z, 0-9 and . _ @ -`);
    const personText = value('accountName');
    if (personText === null) fail('accountName', 'required', 'Có tên đăng nhập thì cần “Họ và tên”', 'An account needs its "Account name"');
    const person = checked('accountName', personText, PersonNameSchema, 'Họ và tên phải dài từ 2 đến 200 ký tự', 'The account name must be 2 to 200 characters long');
    const emailText = value('email');
    const email = checked('email', emailText, EmailSchema, `Email “${emailText}” không hợp lệ`, `Email "${emailText}" is invalid`);
    const roleText = value('role');
    const role = roleText === null ? null : roleOf(roleText);
    if (roleText !== null && role === null) fail('role', 'unknown-role', `Không rõ vai trò “${roleText}”`, `Unknown role "${roleText}"`);
    if (login !== null && person !== null && (emailText === null || email !== null) && (roleText === null || role !== null)) {
      account = { login, name: person, email, role };
    }
  }
  return { row: sheetRow.row, code, name, kind, parentCode, parentCodeInvalid: parentText !== null && parentCode === null, account, valid: errors.length === before };
}

/** An error of one cell, named by the column's header as the file writes it. */
export function rowError(row: number, headers: Partial<Record<Field, string>>, field: Field, code: string, message: string, messageEn: string): RowError {
  return { row, column: headers[field] ?? FIELD_HEADERS[field].vi, field, code, message, messageEn };
}
