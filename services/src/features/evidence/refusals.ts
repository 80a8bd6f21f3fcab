import { StateConflictError } from '../../errors.ts';
import { HttpError } from '../../http/errors.ts';
import { ALLOWED_LABELS } from './file-types.ts';
import { MAX_FILE_BYTES } from './limits.ts';

/** The refusals of evidence files, each with the field it is about; a refused file leaves nothing stored. */

const MB = MAX_FILE_BYTES / 1024 / 1024;

export const fileTooLarge = (path: string) =>
  new HttpError(413, 'file-too-large', `Tệp quá lớn: tối đa ${MB} MB mỗi tệp`, `The file is too large: ${MB} MB per file at most`, [
    { path, code: 'too-large', message: `Tối đa ${MAX_FILE_BYTES} byte`, messageEn: `At most ${MAX_FILE_BYTES} bytes` },
  ]);

export const typeNotAllowed = (path: string, given: string) =>
  new HttpError(415, 'unsupported-file-type', `Loại tệp không được nhận làm minh chứng; chỉ nhận: ${ALLOWED_LABELS}`, `This type of file is not accepted as evidence; accepted: ${ALLOWED_LABELS}`, [
    { path, code: 'type-not-allowed', message: `Không nhận loại "${given}"`, messageEn: `"${given}" is not accepted` },
  ]);

export const extensionMismatch = (path: string, extensions: readonly string[]) =>
  new HttpError(415, 'unsupported-file-type', 'Phần mở rộng của tên tệp không khớp với loại tệp', 'The file name’s extension does not match its type', [
    { path, code: 'extension-mismatch', message: `Tên tệp phải kết thúc bằng .${extensions.join(' hoặc .')}`, messageEn: `The name must end in .${extensions.join(' or .')}` },
  ]);

export const contentMismatch = (path: string, label: string) =>
  new HttpError(415, 'file-content-mismatch', `Nội dung tệp không phải ${label} như đã khai báo; tệp không được lưu`, `The file’s content is not ${label} as declared; nothing was stored`, [
    { path, code: 'content-mismatch', message: `Nội dung không khớp loại ${label}`, messageEn: `The bytes are not ${label}` },
  ]);

export const checksumMismatch = (path: string) =>
  new HttpError(400, 'checksum-mismatch', 'Mã kiểm tra SHA-256 không khớp với nội dung tệp (tệp bị hỏng khi gửi?); tệp không được lưu', 'The SHA-256 does not match the file’s bytes (damaged in transit?); nothing was stored', [
    { path, code: 'checksum-mismatch', message: 'SHA-256 không khớp', messageEn: 'SHA-256 mismatch' },
  ]);

export const sizeMismatch = (path: string, declared: number, actual: number) =>
  new HttpError(400, 'size-mismatch', `Kích thước tệp (${actual} byte) khác kích thước đã khai báo (${declared} byte); tệp không được lưu`, `The file has ${actual} bytes, not the ${declared} declared; nothing was stored`, [
    { path, code: 'size-mismatch', message: `Đã khai báo ${declared} byte, nhận ${actual}`, messageEn: `Declared ${declared} bytes, got ${actual}` },
  ]);

export const storageUnavailable = () =>
  new HttpError(503, 'evidence-storage-unavailable', 'Nơi lưu tệp minh chứng chưa được cấu hình', 'Evidence file storage is not configured');

export const invalidObjectUrl = () =>
  new HttpError(403, 'object-url-invalid', 'Đường dẫn tải lên/tải xuống không hợp lệ hoặc đã hết hạn; hãy yêu cầu lại', 'The upload or download URL is invalid or has expired; request a new one');

export const notUploaded = (currentVersion: number) =>
  new StateConflictError(
    'file-not-uploaded',
    'Chưa nhận được tệp của lượt tải lên này; hãy gửi tệp lên đường dẫn đã cấp rồi đính kèm',
    'No file has arrived for this upload; send it to the URL you were given, then attach it',
    [{ path: 'body.uploadId', code: 'not-uploaded', messageVi: 'Chưa có tệp', messageEn: 'No file yet' }],
    currentVersion,
  );

export const alreadyAttached = (currentVersion: number) =>
  new StateConflictError(
    'file-already-attached',
    'Tệp của lượt tải lên này đã được đính kèm',
    'The file of this upload is already attached',
    [{ path: 'body.uploadId', code: 'already-attached', messageVi: 'Đã đính kèm', messageEn: 'Already attached' }],
    currentVersion,
  );
