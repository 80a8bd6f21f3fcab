import { zipEntryNames } from './zip-names.ts';

/** A kind of file a school may attach as evidence: its type, its usual extensions, and how its bytes begin. */
export interface FileType {
  contentType: string;
  extensions: readonly string[];
  label: string;
  matches(bytes: Uint8Array): boolean;
}

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.byteLength >= offset + signature.length && signature.every((byte, i) => bytes[offset + i] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

// Readers accept a PDF header anywhere in the first KB (some scanners write a preamble).
const PDF = ascii('%PDF-');
const isPdf = (bytes: Uint8Array) => {
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + PDF.length <= head.byteLength; i += 1) if (startsWith(head, PDF, i)) return true;
  return false;
};
// The compound file of Word 97–2003, Excel 97–2003, PowerPoint 97–2003: one signature for all three.
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const HEIF_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1']);

/** An Office Open XML package whose parts live under `folder` (word/, xl/, ppt/). */
const ooxml = (folder: string) => (bytes: Uint8Array) => {
  if (!startsWith(bytes, ZIP)) return false;
  const names = zipEntryNames(bytes);
  return names !== null && names.includes('[Content_Types].xml') && names.some((name) => name.startsWith(folder));
};

/**
 * The allow-list: documents (PDF, Word, Excel, PowerPoint) and photos (JPEG, PNG, WebP, HEIC from
 * phones). No zip: reviewers open evidence one by one from the catalogue, and an archive hides what it
 * holds (executables included); a school attaches several files instead. No HTML, SVG or scripts:
 * nothing a browser would run.
 */
export const FILE_TYPES: readonly FileType[] = [
  { contentType: 'application/pdf', extensions: ['pdf'], label: 'PDF', matches: isPdf },
  { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'JPEG', matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { contentType: 'image/png', extensions: ['png'], label: 'PNG', matches: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { contentType: 'image/webp', extensions: ['webp'], label: 'WebP', matches: (b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8) },
  {
    contentType: 'image/heic',
    extensions: ['heic', 'heif'],
    label: 'HEIC',
    matches: (b) => startsWith(b, ascii('ftyp'), 4) && HEIF_BRANDS.has(String.fromCharCode(...b.subarray(8, 12))),
  },
  { contentType: 'application/msword', extensions: ['doc'], label: 'Word 97–2003', matches: (b) => startsWith(b, OLE) },
  { contentType: 'application/vnd.ms-excel', extensions: ['xls'], label: 'Excel 97–2003', matches: (b) => startsWith(b, OLE) },
  { contentType: 'application/vnd.ms-powerpoint', extensions: ['ppt'], label: 'PowerPoint 97–2003', matches: (b) => startsWith(b, OLE) },
  { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'], label: 'Word', matches: ooxml('word/') },
  { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'], label: 'Excel', matches: ooxml('xl/') },
  { contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extensions: ['pptx'], label: 'PowerPoint', matches: ooxml('ppt/') },
];

/** The allowed type a declared content type names (parameters such as `; charset=` ignored), or null. */
export function fileTypeOf(contentType: string): FileType | null {
  const bare = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return FILE_TYPES.find((type) => type.contentType === bare) ?? null;
}

/** The extension of a file name, lower-cased, without the dot ('' when it has none). */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot <= 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** The allowed types as people read them, for error messages. */
export const ALLOWED_LABELS = [...new Set(FILE_TYPES.map((type) => type.label))].join(', ');
