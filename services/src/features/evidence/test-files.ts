import ExcelJS from 'exceljs';

/** Small, well-formed files of the allowed kinds, and impostors, for the evidence tests. Fictional content only. */

const encode = (text: string) => new TextEncoder().encode(text);

/** A minimal PDF: header, one empty page, trailer. */
export const pdfBytes = (note = 'Kế hoạch dạy học trực tuyến (thử nghiệm)'): Uint8Array =>
  encode(`%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${note}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

/** The PNG signature and an IHDR-shaped chunk: what the type check reads. */
export const pngBytes = (): Uint8Array => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);

/** A Windows executable's first bytes ("MZ"), to pass off as something else. */
export const exeBytes = (): Uint8Array => new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff]);

/** A real XLSX as Excel libraries write it. */
export async function xlsxBytes(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Thiết bị').addRow(['Máy chiếu', 12]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
