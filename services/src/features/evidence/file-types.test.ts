import { describe, expect, it } from 'vitest';
import { extensionOf, fileTypeOf } from './file-types.ts';
import { exeBytes, pdfBytes, pngBytes, xlsxBytes } from './test-files.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('evidence file types', () => {
  it('accepts the allowed types by name, ignoring case and parameters, and nothing else', () => {
    expect(fileTypeOf('application/PDF; name=x')?.contentType).toBe('application/pdf');
    for (const refused of ['application/zip', 'text/html', 'image/svg+xml', 'application/x-msdownload', 'application/octet-stream', ''])
      expect(fileTypeOf(refused), refused).toBeNull();
  });

  it('recognises each type by its first bytes, so a renamed file is not what its name says', async () => {
    const pdf = fileTypeOf('application/pdf');
    const png = fileTypeOf('image/png');
    const xlsx = fileTypeOf(XLSX);
    const docx = fileTypeOf(DOCX);
    const sheet = await xlsxBytes();
    expect(pdf?.matches(pdfBytes())).toBe(true);
    expect(pdf?.matches(exeBytes())).toBe(false);
    expect(png?.matches(pngBytes())).toBe(true);
    expect(png?.matches(pdfBytes())).toBe(false);
    expect(xlsx?.matches(sheet)).toBe(true);
    // A spreadsheet is a zip like a Word document, but its parts are under xl/, not word/.
    expect(docx?.matches(sheet)).toBe(false);
    expect(xlsx?.matches(pdfBytes())).toBe(false);
  });

  it('reads extensions case-insensitively', () => {
    expect(extensionOf('Bien-ban.HOP.PDF')).toBe('pdf');
    expect(extensionOf('.pdf')).toBe('');
    expect(extensionOf('khong-duoi')).toBe('');
  });
});
