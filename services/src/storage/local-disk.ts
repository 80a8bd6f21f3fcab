import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as z from 'zod';
import { EVIDENCE_STATE_TAG, type EvidenceState } from './lifecycle.ts';
import type { ObjectMeta, ObjectStorage, PresignRequest, PresignedRequest, StoredObject } from './object-storage.ts';
import { type ObjectGrant, TokenSigner } from './signed-token.ts';

export interface LocalDiskOptions {
  /** The directory that holds the objects (DATA_DIR/evidence). */
  root: string;
  /** Signs the URLs it presigns; null: a random key for the life of the process. */
  secret: string | null;
  /** Where the API serves presigned URLs: the token is appended (`/api/evidence-objects/`). */
  urlPrefix: string;
  /** The clock that stamps stored objects; tests pass their own. */
  now?: () => Date;
}

/** What one sweep of pending uploads found (storage/pending-sweep.ts logs it). */
export interface SweepCounts {
  /** Pending objects stored before the cut-off, removed. */
  removed: number;
  /** Pending objects stored since, left for a later sweep. */
  pending: number;
  /** Attached objects (and objects stored before states existed), never swept. */
  attached: number;
  /** Half-written files of an interrupted put, removed. */
  leftovers: number;
}

// Letters, digits, `_` and `-` only: no dot, so no segment can climb out of the root (`..`) or clash with a `.meta.json`.
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;
// Objects stored before states existed have neither `state` nor `storedAt`: they count as attached, never swept.
const MetaSchema = z.object({
  contentType: z.string(),
  sha256: z.string(),
  state: z.enum([EVIDENCE_STATE_TAG.pending, EVIDENCE_STATE_TAG.attached]).optional(),
  storedAt: z.iso.datetime().optional(),
});
type Meta = z.output<typeof MetaSchema>;
const META_SUFFIX = '.meta.json';

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
  readonly #now: () => Date;

  constructor({ root, secret, urlPrefix, now = () => new Date() }: LocalDiskOptions) {
    this.#root = root;
    this.#signer = new TokenSigner(secret);
    this.#urlPrefix = urlPrefix;
    this.#now = now;
  }

  /** Stores the object as a pending upload: swept once older than the retention unless attached first (`keep`). */
  async put(key: string, body: Uint8Array, meta: ObjectMeta): Promise<void> {
    const file = this.#fileOf(key);
    await mkdir(dirname(file), { recursive: true });
    const part = `${file}.${randomBytes(6).toString('hex')}.part`;
    const stored: Meta = { contentType: meta.contentType, sha256: meta.sha256, state: EVIDENCE_STATE_TAG.pending, storedAt: this.#now().toISOString() };
    try {
      await writeFile(`${part}.meta`, JSON.stringify(stored));
      await writeFile(part, body);
      // The metadata lands first: an object whose bytes are there always has its metadata.
      await rename(`${part}.meta`, `${file}${META_SUFFIX}`);
      await rename(part, file);
    } finally {
      await rm(part, { force: true });
      await rm(`${part}.meta`, { force: true });
    }
  }

  async keep(key: string): Promise<boolean> {
    return this.#setState(key, EVIDENCE_STATE_TAG.attached);
  }

  async release(key: string): Promise<void> {
    await this.#setState(key, EVIDENCE_STATE_TAG.pending);
  }

  /**
   * Removes the pending objects stored before `cutoff`, and the leftovers of puts interrupted before it
   * (by their files' time). Attached objects, and those stored before states existed, stay.
   */
  async sweepPending(cutoff: Date): Promise<SweepCounts> {
    const counts: SweepCounts = { removed: 0, pending: 0, attached: 0, leftovers: 0 };
    let names: string[];
    try {
      names = await readdir(this.#root, { recursive: true });
    } catch (error) {
      if (isMissing(error)) return counts;
      throw error;
    }
    for (const name of names) {
      const file = join(this.#root, name);
      if (name.endsWith('.part') || name.endsWith('.part.meta')) {
        const info = await stat(file).catch(() => null);
        if (info !== null && info.mtime < cutoff) {
          await rm(file, { force: true });
          counts.leftovers += 1;
        }
        continue;
      }
      if (!name.endsWith(META_SUFFIX)) continue;
      const object = file.slice(0, -META_SUFFIX.length);
      const meta = await this.#readMeta(object);
      if (meta?.state !== EVIDENCE_STATE_TAG.pending || meta.storedAt === undefined) counts.attached += 1;
      else if (Date.parse(meta.storedAt) >= cutoff.getTime()) counts.pending += 1;
      else {
        // The bytes first, as `delete` does: what stays after a crash is metadata without an object, which reads as none.
        await rm(object, { force: true });
        await rm(file, { force: true });
        counts.removed += 1;
      }
    }
    return counts;
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
    const meta = await this.#readMeta(file);
    return { body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength), contentType: meta?.contentType ?? null };
  }

  async delete(key: string): Promise<void> {
    const file = this.#fileOf(key);
    await rm(file, { force: true });
    await rm(`${file}${META_SUFFIX}`, { force: true });
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

  async #readMeta(file: string): Promise<Meta | null> {
    let text: string;
    try {
      text = await readFile(`${file}${META_SUFFIX}`, 'utf8');
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    try {
      const meta = MetaSchema.safeParse(JSON.parse(text));
      return meta.success ? meta.data : null;
    } catch {
      return null;
    }
  }

  /** Rewrites the object's state in its metadata (whole or not at all); false when there is no object. */
  async #setState(key: string, state: EvidenceState): Promise<boolean> {
    const file = this.#fileOf(key);
    const meta = await this.#readMeta(file);
    const present = await stat(file).then(
      () => true,
      (error: unknown) => {
        if (isMissing(error)) return false;
        throw error;
      },
    );
    if (!present) return false;
    // Metadata it cannot read is from before states: such an object is never swept anyway.
    if (meta === null || meta.state === state) return true;
    const part = `${file}.${randomBytes(6).toString('hex')}.part.meta`;
    try {
      await writeFile(part, JSON.stringify({ ...meta, state, storedAt: meta.storedAt ?? this.#now().toISOString() }));
      await rename(part, `${file}${META_SUFFIX}`);
    } finally {
      await rm(part, { force: true });
    }
    return true;
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
