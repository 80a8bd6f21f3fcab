/**
 * Where uploaded files (evidence) are kept: the local disk in embedded mode, S3 on AWS. Both behave the
 * same to callers, so the API and the web app have one code path: browsers send and fetch the bytes
 * through URLs this interface presigns, and the API reads objects back only to verify them.
 */
export interface ObjectStorage {
  /** `local` (files under DATA_DIR) or `s3`: for logs and the docs, never for branching in use cases. */
  readonly kind: 'local' | 's3';
  /**
   * Stores `body` at `key`, replacing nothing half-written: the object appears whole or not at all. It is
   * stored pending, as presigned uploads are: removed after a retention unless `keep` marks it attached
   * (storage/lifecycle.ts).
   */
  put(key: string, body: Uint8Array, meta: ObjectMeta): Promise<void>;
  /** The whole object (files are at most a few tens of MB), or null when there is none at `key`. */
  get(key: string): Promise<StoredObject | null>;
  /** Removes the object; removing one that is not there is not an error. */
  delete(key: string): Promise<void>;
  /** Marks the object attached to a submission: no sweep or lifecycle rule removes it. False when there is no object at `key`. */
  keep(key: string): Promise<boolean>;
  /** Marks the object pending again (no submission names it): it goes with the unattached uploads. None at `key`: nothing to do. */
  release(key: string): Promise<void>;
  /** A short-lived URL a browser uses without any other credential: to PUT exactly these bytes, or to GET them. */
  presign(request: PresignRequest): Promise<PresignedRequest>;
}

/** What is known of an object besides its bytes. */
export interface ObjectMeta {
  contentType: string;
  /** Lower-case hex SHA-256 of the bytes. */
  sha256: string;
}

export interface StoredObject {
  body: Uint8Array;
  /** As stored; null when the store kept none. */
  contentType: string | null;
}

/**
 * A presigned upload binds the exact type, size and checksum: the store refuses other bytes. A presigned
 * download names the file the browser saves it as.
 */
export type PresignRequest =
  | { method: 'PUT'; key: string; contentType: string; size: number; sha256: string; expiresInSeconds: number }
  | { method: 'GET'; key: string; fileName: string; contentType: string; expiresInSeconds: number };

export interface PresignedRequest {
  method: 'PUT' | 'GET';
  /** Absolute (S3) or relative to the API's origin (`/api/…`, local disk). */
  url: string;
  /** Headers the browser must send with exactly these values (PUT only; empty for GET). */
  headers: Record<string, string>;
  expiresAt: string;
}

/** The HTTP header value that makes a browser save a download under `fileName` (RFC 6266, UTF-8 names). */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Base64 of a hex SHA-256, as S3's `x-amz-checksum-sha256` header carries it. */
export function sha256Base64(hex: string): string {
  return Buffer.from(hex, 'hex').toString('base64');
}
