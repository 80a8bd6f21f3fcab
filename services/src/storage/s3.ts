import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, PutObjectTaggingCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { EVIDENCE_STATE_TAG, type EvidenceState } from './lifecycle.ts';
import { type ObjectStorage, type PresignRequest, type PresignedRequest, attachmentDisposition, sha256Base64 } from './object-storage.ts';

export interface S3StorageOptions {
  bucket: string;
  /** The SDK finds region and credentials itself on Lambda; tests pass a client that never reaches the network. */
  client?: S3Client;
}

/**
 * The client the API uses on AWS. Checksums are computed only when an operation requires one: we set
 * SHA-256 ourselves, and the SDK's default would add a CRC32 of an empty body to presigned uploads.
 */
export function defaultS3Client(): S3Client {
  return new S3Client({ requestChecksumCalculation: 'WHEN_REQUIRED' });
}

/** The tag every upload is written with (URL-encoded, as the `x-amz-tagging` header carries it): the lifecycle rule expires it unless attached. */
export const PENDING_TAGGING = `${EVIDENCE_STATE_TAG.key}=${EVIDENCE_STATE_TAG.pending}`;

/** The inputs of the S3 calls, apart so tests can read exactly what is sent. */
export const s3Inputs = {
  put: (bucket: string, key: string, body: Uint8Array, meta: { contentType: string; sha256: string }) => ({
    Bucket: bucket,
    Key: key,
    Body: body,
    ContentType: meta.contentType,
    ContentLength: body.byteLength,
    // S3 recomputes it and refuses the bytes on a mismatch, so a corrupted transfer is never stored.
    ChecksumSHA256: sha256Base64(meta.sha256),
    Tagging: PENDING_TAGGING,
  }),
  get: (bucket: string, key: string) => ({ Bucket: bucket, Key: key }),
  delete: (bucket: string, key: string) => ({ Bucket: bucket, Key: key }),
  tag: (bucket: string, key: string, state: EvidenceState) => ({ Bucket: bucket, Key: key, Tagging: { TagSet: [{ Key: EVIDENCE_STATE_TAG.key, Value: state }] } }),
  presignedPut: (bucket: string, request: Extract<PresignRequest, { method: 'PUT' }>) => ({
    Bucket: bucket,
    Key: request.key,
    ContentType: request.contentType,
    ContentLength: request.size,
    ChecksumSHA256: sha256Base64(request.sha256),
    Tagging: PENDING_TAGGING,
  }),
  presignedGet: (bucket: string, request: Extract<PresignRequest, { method: 'GET' }>) => ({
    Bucket: bucket,
    Key: request.key,
    ResponseContentType: request.contentType,
    ResponseContentDisposition: attachmentDisposition(request.fileName),
  }),
};

// Signed into the URL: the browser must send exactly these, so S3 takes only the bytes the API agreed to.
const SIGNED_UPLOAD_HEADERS = new Set(['content-type', 'content-length']);
// Kept as a header (not moved into the query string), where S3 checks the body against it.
const CHECKSUM_HEADER = 'x-amz-checksum-sha256';
// Kept as a signed header too: a browser that left it out, to keep its upload from expiring, would break the signature.
const TAGGING_HEADER = 'x-amz-tagging';

const isMissing = (error: unknown) => error instanceof S3ServiceException && (error.name === 'NoSuchKey' || error.$metadata.httpStatusCode === 404);

/**
 * Evidence in an S3 bucket (EVIDENCE_BUCKET). Browsers upload and download with presigned URLs, so the
 * bytes never pass through Lambda (whose requests stop at 6 MB); the API reads an object back only to
 * verify it before it is attached.
 */
export function s3Storage({ bucket, client = defaultS3Client() }: S3StorageOptions): ObjectStorage {
  return {
    kind: 's3',
    async put(key, body, meta) {
      await client.send(new PutObjectCommand(s3Inputs.put(bucket, key, body, meta)));
    },
    async get(key) {
      try {
        const object = await client.send(new GetObjectCommand(s3Inputs.get(bucket, key)));
        if (object.Body === undefined) return null;
        return { body: await object.Body.transformToByteArray(), contentType: object.ContentType ?? null };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async delete(key) {
      // The bucket is versioned: this leaves a delete marker, so a removed file stays recoverable for a while (storage/lifecycle.ts).
      await client.send(new DeleteObjectCommand(s3Inputs.delete(bucket, key)));
    },
    async keep(key) {
      try {
        await client.send(new PutObjectTaggingCommand(s3Inputs.tag(bucket, key, EVIDENCE_STATE_TAG.attached)));
        return true;
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
    },
    async release(key) {
      try {
        await client.send(new PutObjectTaggingCommand(s3Inputs.tag(bucket, key, EVIDENCE_STATE_TAG.pending)));
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
    },
    async presign(request): Promise<PresignedRequest> {
      const expiresAt = new Date(Date.now() + request.expiresInSeconds * 1000).toISOString();
      if (request.method === 'GET') {
        const url = await getSignedUrl(client, new GetObjectCommand(s3Inputs.presignedGet(bucket, request)), { expiresIn: request.expiresInSeconds });
        return { method: 'GET', url, headers: {}, expiresAt };
      }
      const input = s3Inputs.presignedPut(bucket, request);
      const url = await getSignedUrl(client, new PutObjectCommand(input), {
        expiresIn: request.expiresInSeconds,
        signableHeaders: SIGNED_UPLOAD_HEADERS,
        unhoistableHeaders: new Set([CHECKSUM_HEADER, TAGGING_HEADER]),
      });
      return { method: 'PUT', url, headers: { 'content-type': request.contentType, [CHECKSUM_HEADER]: input.ChecksumSHA256, [TAGGING_HEADER]: PENDING_TAGGING }, expiresAt };
    },
  };
}
