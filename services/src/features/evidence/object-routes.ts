import type { Context } from 'hono';
import { publicAccess } from '../../http/access.ts';
import type { AppEnv } from '../../http/app-env.ts';
import { HttpError } from '../../http/errors.ts';
import { defineRoute } from '../../http/route.ts';
import { LocalDiskStorage } from '../../storage/local-disk.ts';
import { attachmentDisposition } from '../../storage/object-storage.ts';
import { FILE_TYPES, fileTypeOf } from './file-types.ts';
import { OBJECTS_PATH } from './limits.ts';
import { fileTooLarge, invalidObjectUrl, typeNotAllowed } from './refusals.ts';
import { ObjectParamsSchema, StoredObjectSchema } from './schemas.ts';
import { bytesProblem } from './verify.ts';

/**
 * The local stand-in for S3's presigned URLs (embedded mode): the signed token in the path is the only
 * credential, as with S3, and binds the object, the method, and for uploads the type, size and SHA-256.
 * With S3 storage these routes answer 404: browsers go to S3 directly.
 */

const tags = ['Evidence'];

function localStorageOf(c: Context<AppEnv>): LocalDiskStorage {
  const storage = c.var.deps.evidenceStorage;
  if (!(storage instanceof LocalDiskStorage))
    throw new HttpError(404, 'route-not-found', 'Tệp được tải trực tiếp từ nơi lưu trữ, không qua API', 'Files go straight to and from storage, not through the API');
  return storage;
}

/** The raw body, refused past `limit` bytes as it streams in (before it is all in memory). */
async function readBody(c: Context<AppEnv>, limit: number): Promise<Uint8Array> {
  const declared = Number(c.req.header('content-length') ?? Number.NaN);
  if (declared > limit) throw fileTooLarge('body');
  const stream = c.req.raw.body;
  if (stream === null) return new Uint8Array();
  const parts: Uint8Array[] = [];
  let size = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw fileTooLarge('body');
    }
    parts.push(value);
  }
  return Buffer.concat(parts);
}

export const putObjectRoute = defineRoute(
  {
    method: 'put',
    path: `${OBJECTS_PATH}/:token`,
    operationId: 'putEvidenceObject',
    summary: 'Gửi nội dung tệp lên (bước 2/3, chế độ nhúng) / Send the file’s bytes (step 2 of 3, embedded mode)',
    description:
      'Đường dẫn do bước 1 cấp; gửi đúng Content-Type đã cho. Nội dung phải đúng kích thước, SHA-256 và loại đã khai báo, nếu không thì không lưu gì ' +
      '(400, 413, 415). / The URL step 1 gave; send the Content-Type it named. The bytes must have the declared size, SHA-256 and type, or nothing is ' +
      'stored (400, 413, 415).',
    tags,
    access: publicAccess,
    request: { params: ObjectParamsSchema },
    upload: { contentTypes: FILE_TYPES.map((type) => type.contentType), description: 'Nguyên nội dung tệp / The raw bytes of the file' },
    responses: { 200: { description: 'Đã lưu / Stored', schema: StoredObjectSchema } },
  },
  async ({ params }, c) => {
    const storage = localStorageOf(c);
    const grant = storage.verify(params.token);
    if (grant === null || grant.method !== 'PUT') throw invalidObjectUrl();
    const type = fileTypeOf(grant.contentType);
    const sent = c.req.header('content-type') ?? '';
    // S3 refuses a Content-Type other than the signed one; so does this.
    if (type === null || fileTypeOf(sent) !== type) throw typeNotAllowed('headers.content-type', sent);
    const body = await readBody(c, grant.size);
    const problem = bytesProblem(body, { size: grant.size, sha256: grant.sha256, type }, 'body');
    if (problem !== null) throw problem;
    // bytesProblem has just proved the body hashes to the signed SHA-256.
    await storage.put(grant.key, body, { contentType: type.contentType, sha256: grant.sha256 });
    return c.json({ size: body.byteLength, sha256: grant.sha256 }, 200);
  },
);

export const getObjectRoute = defineRoute(
  {
    method: 'get',
    path: `${OBJECTS_PATH}/:token`,
    operationId: 'getEvidenceObject',
    summary: 'Tải xuống một tệp minh chứng (chế độ nhúng) / Download an evidence file (embedded mode)',
    description: 'Đường dẫn do `GET …/evidence/files/{evidenceId}` cấp. / The URL `GET …/evidence/files/{evidenceId}` gave.',
    tags,
    access: publicAccess,
    request: { params: ObjectParamsSchema },
    responses: { 200: { description: 'Nội dung tệp / The file' } },
  },
  async ({ params }, c) => {
    const storage = localStorageOf(c);
    const grant = storage.verify(params.token);
    if (grant === null || grant.method !== 'GET') throw invalidObjectUrl();
    const object = await storage.get(grant.key);
    if (object === null) throw new HttpError(404, 'file-not-found', 'Tệp không còn được lưu', 'The file is no longer stored');
    return c.body(Buffer.from(object.body), 200, {
      'Content-Type': grant.contentType,
      'Content-Disposition': attachmentDisposition(grant.fileName),
      // Served from the API's own origin: never sniffed into something runnable, never run.
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    });
  },
);

export const objectRoutes = [putObjectRoute, getObjectRoute];
