import { createHash } from 'node:crypto';
import type { HttpError } from '../../http/errors.ts';
import { type FileType, extensionOf, fileTypeOf } from './file-types.ts';
import { MAX_FILE_BYTES } from './limits.ts';
import { checksumMismatch, contentMismatch, extensionMismatch, fileTooLarge, sizeMismatch, typeNotAllowed } from './refusals.ts';

/** What a browser declares about a file before sending it. */
export interface DeclaredFile {
  name?: string;
  contentType: string;
  size: number;
  sha256: string;
}

/**
 * The allowed type of a declared file, or the refusal: a type outside the allow-list or a name whose
 * extension belongs to another type (415), more than the limit (413). `at` prefixes the paths (`body`).
 */
export function declaredType(file: DeclaredFile, at: string): FileType {
  const type = fileTypeOf(file.contentType);
  if (type === null) throw typeNotAllowed(`${at}.contentType`, file.contentType);
  if (file.name !== undefined && !type.extensions.includes(extensionOf(file.name))) throw extensionMismatch(`${at}.name`, type.extensions);
  if (file.size > MAX_FILE_BYTES) throw fileTooLarge(`${at}.size`);
  return type;
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Why the received bytes are not the declared file, or null when they are: more than the limit (413),
 * another size (400), another SHA-256 (400), content that is not the declared type (415, by its
 * first bytes: a renamed executable is not a PDF because its name says so).
 */
export function bytesProblem(bytes: Uint8Array, declared: { size: number; sha256: string; type: FileType }, at: string): HttpError | null {
  if (bytes.byteLength > MAX_FILE_BYTES) return fileTooLarge(at);
  if (bytes.byteLength !== declared.size) return sizeMismatch(`${at}.size`, declared.size, bytes.byteLength);
  if (sha256Hex(bytes) !== declared.sha256) return checksumMismatch(`${at}.sha256`);
  if (!declared.type.matches(bytes)) return contentMismatch(`${at}.contentType`, declared.type.label);
  return null;
}
