import { CsvError, parse as parseCsv } from 'csv-parse/sync';
import { HttpError } from '../../http/errors.ts';
import { MAX_ROWS, MAX_XLSX_UNPACKED_BYTES } from './limits.ts';
import { declaredUnpackedSize } from './zip-check.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type FileFormat = 'csv' | 'xlsx';

/** One non-empty line of the file: its number as a spreadsheet shows it (the header is usually row 1), and its cells as text. */
export interface SheetRow {
  row: number;
  cells: string[];
}

/**
 * Which format the body is in: the Content-Type says, and the bytes must agree (an XLSX is a zip, so it
 * starts with "PK"); `application/octet-stream` or no type is decided by the bytes alone.
 */
export function detectFormat(contentType: string | undefined, bytes: Uint8Array): FileFormat {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (type === XLSX_TYPE || type === 'application/zip') {
    if (!zip) throw notReadable('xlsx');
    return 'xlsx';
  }
  if (type === 'text/csv' || type === 'application/csv' || type === 'text/plain') {
    if (zip) throw notReadable('csv');
    return 'csv';
  }
  if (type === '' || type === 'application/octet-stream') return zip ? 'xlsx' : 'csv';
  throw new HttpError(
    415,
    'unsupported-file-type',
    `Chỉ nhận tệp XLSX hoặc CSV (Content-Type: ${XLSX_TYPE} hoặc text/csv), không nhận “${type}”`,
    `Only XLSX or CSV files are accepted (Content-Type: ${XLSX_TYPE} or text/csv), not "${type}"`,
  );
}

/** The non-empty rows of the file, in order; the first one is taken as the header. */
export async function readSheet(format: FileFormat, bytes: Uint8Array): Promise<SheetRow[]> {
  if (bytes.byteLength === 0) throw emptyFile();
  const rows = format === 'csv' ? readCsv(bytes) : await readXlsx(bytes);
  if (rows.length === 0) throw emptyFile();
  // The header plus MAX_ROWS data rows.
  if (rows.length > MAX_ROWS + 1) {
    throw new HttpError(
      400,
      'too-many-rows',
      `Tệp có ${rows.length - 1} dòng dữ liệu; mỗi lần nhập tối đa ${MAX_ROWS} dòng, hãy chia tệp`,
      `The file has ${rows.length - 1} data rows; an import takes at most ${MAX_ROWS}, split the file`,
    );
  }
  return rows;
}

function readCsv(bytes: Uint8Array): SheetRow[] {
  const text = decodeText(bytes);
  let records: string[][];
  try {
    records = parseCsv(text, { delimiter: delimiterOf(text), relax_column_count: true, skip_empty_lines: false, bom: true });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw new HttpError(400, 'invalid-csv', 'Tệp CSV sai định dạng (RFC 4180)', 'The CSV file is malformed (RFC 4180)', [
      { path: 'body', code: error.code, message: `Lỗi đọc CSV: ${error.message}`, messageEn: `CSV error: ${error.message}` },
    ]);
  }
  // A record is a row in a spreadsheet (a quoted cell may span lines), so its index is its row number.
  return records.flatMap((cells, i) => (cells.some((cell) => cell.trim() !== '') ? [{ row: i + 1, cells }] : []));
}

/** UTF-8 (with or without BOM), or UTF-16 with its BOM (Excel's "Unicode text"); anything else is refused, not guessed. */
function decodeText(bytes: Uint8Array): string {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new HttpError(
      400,
      'invalid-encoding',
      'Tệp CSV không ở mã UTF-8; hãy lưu lại bằng “CSV UTF-8 (Comma delimited)”',
      'The CSV file is not UTF-8; save it again as "CSV UTF-8 (Comma delimited)"',
    );
  }
}

/** Excel writes `;` or a tab instead of `,` in some locales: the header line says which. */
function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (char: string) => firstLine.split(char).length - 1;
  const candidates = [',', ';', '\t'].map((char) => ({ char, n: count(char) }));
  const best = candidates.reduce((a, b) => (b.n > a.n ? b : a));
  return best.n === 0 ? ',' : best.char;
}

async function readXlsx(bytes: Uint8Array): Promise<SheetRow[]> {
  const unpacked = declaredUnpackedSize(bytes);
  if (unpacked === null) throw notReadable('xlsx');
  if (unpacked > MAX_XLSX_UNPACKED_BYTES) {
    throw new HttpError(
      413,
      'file-too-large',
      `Tệp XLSX giải nén ra quá lớn (tối đa ${MAX_XLSX_UNPACKED_BYTES / 1024 / 1024} MB)`,
      `The XLSX file unpacks to too much data (${MAX_XLSX_UNPACKED_BYTES / 1024 / 1024} MB at most)`,
    );
  }
  // Loaded on first use: exceljs is most of the API's code, and only XLSX uploads need it.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as an ArrayBuffer; a copy makes one of exactly these bytes.
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch {
    throw notReadable('xlsx');
  }
  // The first sheet that holds anything: a workbook often starts with an empty or instructions-only sheet only by accident.
  const sheet = workbook.worksheets.find((candidate) => candidate.actualRowCount > 0);
  if (sheet === undefined) throw emptyFile();
  if (sheet.actualRowCount > MAX_ROWS + 1) {
    throw new HttpError(
      400,
      'too-many-rows',
      `Trang tính có ${sheet.actualRowCount - 1} dòng dữ liệu; mỗi lần nhập tối đa ${MAX_ROWS} dòng, hãy chia tệp`,
      `The sheet has ${sheet.actualRowCount - 1} data rows; an import takes at most ${MAX_ROWS}, split the file`,
    );
  }
  const rows: SheetRow[] = [];
  sheet.eachRow((row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.text);
    });
    const filled = Array.from(cells, (cell) => cell ?? '');
    if (filled.some((cell) => cell.trim() !== '')) rows.push({ row: rowNumber, cells: filled });
  });
  return rows;
}

// exceljs gives `text` for every value kind (rich text joined, formulas by their result); an error cell reads as its code.
function cellText(text: string | undefined): string {
  return typeof text === 'string' ? text : '';
}

function emptyFile(): HttpError {
  return new HttpError(400, 'empty-file', 'Tệp không có dữ liệu (cần dòng tiêu đề và các dòng đơn vị)', 'The file is empty (a header row and unit rows are needed)');
}

function notReadable(format: FileFormat): HttpError {
  return format === 'xlsx'
    ? new HttpError(400, 'invalid-xlsx', 'Không đọc được tệp XLSX (tệp hỏng hoặc không phải XLSX)', 'The XLSX file cannot be read (damaged, or not an XLSX file)')
    : new HttpError(400, 'invalid-csv', 'Nội dung không phải tệp CSV (có vẻ là tệp nén hoặc XLSX)', 'The body is not a CSV file (it looks like a zip or an XLSX file)');
}
