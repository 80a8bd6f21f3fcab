import { offlineError, readApiError } from '../../api/errors.ts';
import type { PresignedRequest } from './api.ts';

/** The hex SHA-256 of a file, which the API binds the upload to. */
export async function sha256Hex(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

// Browsers leave `File.type` empty for some kinds (HEIC on most desktops): the API's allow-list by extension.
const BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  heic: 'image/heic',
  heif: 'image/heic',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

/** The file input's `accept`: the same allow-list, so picking and uploading agree. */
export const ACCEPT = Object.keys(BY_EXTENSION).map((extension) => `.${extension}`).join(',');

/** The type to declare: the browser's, else the usual one for the extension; unknown ones are sent as they are, for the API to refuse by name. */
export function contentTypeOf(file: { name: string; type: string }): string {
  if (file.type !== '') return file.type;
  const extension = file.name.includes('.') ? (file.name.split('.').pop() ?? '').toLowerCase() : '';
  return BY_EXTENSION[extension] ?? 'application/octet-stream';
}

/** A URL the API gave: absolute (S3), or relative to the API's origin (`/api/…`, embedded mode). */
export function resolveUrl(url: string, origin: string): string {
  return new URL(url, origin).toString();
}

/**
 * Sends the file's bytes exactly as the API said (method, URL, headers: nothing added, no bearer token,
 * the URL is the credential), reporting progress from 0 to 1. XMLHttpRequest, not fetch: only it
 * reports upload progress.
 */
export function sendFile(request: PresignedRequest, file: Blob, onProgress: (fraction: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(request.method, resolveUrl(request.url, location.origin));
    for (const [name, value] of Object.entries(request.headers)) {
      // The browser sets these itself and refuses to be told.
      if (!/^(content-length|host)$/i.test(name)) xhr.setRequestHeader(name, value);
    }
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve();
        return;
      }
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      reject(readApiError(xhr.status, body));
    };
    xhr.onerror = () => reject(offlineError());
    xhr.send(file);
  });
}

/** Follows a download URL the API gave: the browser saves the file under its own name. */
export function followDownload(request: PresignedRequest): void {
  const link = document.createElement('a');
  link.href = resolveUrl(request.url, location.origin);
  link.rel = 'noopener';
  link.download = '';
  document.body.append(link);
  link.click();
  link.remove();
}

