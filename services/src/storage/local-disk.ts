import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as z from 'zod';
import type { ObjectMeta, ObjectStorage, PresignRequest, PresignedRequest, StoredObject } from './object-storage.ts';
import { type ObjectGrant, TokenSigner } from './signed-token.ts';

export interface LocalDiskOptions {
  /** The directory that holds the objects (DATA_DIR/evidence). */
  root: string;
  /** Signs the URLs it presigns; null: a random key for the life of the process. */
  secret: string | null;
  /** Where the API serves presigned URLs: the token is appended (`/api/evidence-objects/`). */
  urlPrefix: string;
}

// Letters, digits, `_` and `-` only: no dot, so no segment can climb out of the root (`..`) or clash with a `.meta.json`.
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;
const MetaSchema = z.object({ contentType: z.string(), sha256: z.string() });

/**
 * Evidence on the local disk, for embedded mode (one process: `npm start`). Presigned URLs point at
 * the API itself (`PUT`/`GET /api/evidence-objects/<token>`), whose routes check the signed token and
 * call `put` and `get` here, so the browser's flow is the one it follows with S3.
 */
export class LocalDiskStorage implements ObjectStorage {
  readonly kind = 'local';
  readonly #root: string;
  readonly #signer: TokenSigner;
  readonly #urlPrefix: string;

  constructor({ root, secret, urlPrefix }: LocalDiskOptions) {
    this.#root = root;
    this.#signer = new TokenSigner(secret);
    this.#urlPrefix = urlPrefix;
  }

  async put(key: string, body: Uint8Array, meta: ObjectMeta): Promise<void> {
    const file = this.#fileOf(key);
    await mkdir(dirname(file), { recursive: true });
    const part = `${file}.${randomBytes(6).toString('hex')}.part`;
    try {
      await writeFile(`${part}.meta`, JSON.stringify(meta));
      await writeFile(part, body);
      // The metadata lands first: an object whose bytes are there always has its metadata.
      await rename(`${part}.meta`, `${file}.meta.json`);
      await rename(part, file);
    } finally {
      await rm(part, { force: true });
      await rm(`${part}.meta`, { force: true });
    }
  }

  async get(key: string): Promise<StoredObject | null> {
    const file = this.#fileOf(key);
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    const meta = MetaSchema.safeParse(JSON.parse(await readFile(`${file}.meta.json`, 'utf8').catch(() => 'null')));
    return { body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength), contentType: meta.success ? meta.data.contentType : null };
  }

  async delete(key: string): Promise<void> {
    const file = this.#fileOf(key);
    await rm(file, { force: true });
    await rm(`${file}.meta.json`, { force: true });
  }

  async presign(request: PresignRequest): Promise<PresignedRequest> {
    this.#fileOf(request.key);
    const expiresAt = Math.floor(Date.now() / 1000) + request.expiresInSeconds;
    const grant: ObjectGrant =
      request.method === 'PUT'
        ? { method: 'PUT', key: request.key, contentType: request.contentType, size: request.size, sha256: request.sha256, expiresAt }
        : { method: 'GET', key: request.key, contentType: request.contentType, fileName: request.fileName, expiresAt };
    const token = this.#signer.sign(grant);
    return {
      method: request.method,
      url: `${this.#urlPrefix}${token}`,
      headers: request.method === 'PUT' ? { 'content-type': request.contentType } : {},
      expiresAt: new Date(expiresAt * 1000).toISOString(),
    };
  }

  /** What a token from `presign` allows, or null for a forged, altered or expired one. */
  verify(token: string): ObjectGrant | null {
    return this.#signer.verify(token);
  }

  #fileOf(key: string): string {
    const segments = key.split('/');
    if (segments.length > 16 || !segments.every((segment) => SEGMENT.test(segment))) throw new TypeError(`Invalid object key: ${JSON.stringify(key)}`);
    return join(this.#root, ...segments);
  }
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'ENOTDIR');
}
