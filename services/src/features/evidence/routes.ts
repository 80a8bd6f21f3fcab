import type { Context } from 'hono';
import { accountAccess } from '../../http/access.ts';
import type { AppEnv } from '../../http/app-env.ts';
import { ErrorResponseSchema } from '../../http/errors.ts';
import { defineRoute } from '../../http/route.ts';
import { submissionDepsOf } from '../submissions/deps.ts';
import { SubmissionParamsSchema, SubmissionViewSchema } from '../submissions/schemas.ts';
import { evidenceCatalogue } from './catalogue.ts';
import { ALLOWED_LABELS } from './file-types.ts';
import { type EvidenceDeps, attachFile, fileDownload, removeFile, requestUpload } from './files.ts';
import { checkLinks } from './link-checker.ts';
import { DOWNLOAD_URL_SECONDS, MAX_FILE_BYTES } from './limits.ts';
import { objectRoutes } from './object-routes.ts';
import { evidenceRepository } from './repository.ts';
import {
  AttachFileSchema,
  AttachedFileSchema,
  CatalogueSchema,
  FileDownloadSchema,
  FileParamsSchema,
  LinkReportSchema,
  RemoveFileSchema,
  RequestUploadSchema,
  UploadTicketSchema,
} from './schemas.ts';

const tags = ['Evidence'];
const base = '/campaigns/:campaignId/submissions/:unitId/evidence';
const MB = MAX_FILE_BYTES / 1024 / 1024;

const depsOf = (c: Context<AppEnv>): EvidenceDeps => {
  const { store, evidenceStorage } = c.var.deps;
  return { ...submissionDepsOf(c), evidence: evidenceRepository(store), storage: evidenceStorage ?? null };
};
const refused = (description: string) => ({ description, schema: ErrorResponseSchema });

export const catalogueRoute = defineRoute(
  {
    method: 'get',
    path: base,
    operationId: 'getEvidenceCatalogue',
    summary: 'Danh mục minh chứng / Evidence catalogue',
    description:
      'Mọi tiêu chí và ô minh chứng theo thứ tự của bộ chỉ số: hướng dẫn, có bắt buộc không (theo câu trả lời hiện tại) và còn thiếu không, các đường link ' +
      '(với kết quả kiểm tra gần nhất) và tệp. / Every criterion and evidence slot in the definition’s order: guidance, whether it is required (given ' +
      'the current answers) and still missing, its links (with their last check) and files.',
    tags,
    access: accountAccess,
    request: { params: SubmissionParamsSchema },
    responses: { 200: { description: 'Danh mục / The catalogue', schema: CatalogueSchema } },
  },
  async ({ params, caller }, c) => c.json(await evidenceCatalogue(depsOf(c), caller, params.campaignId, params.unitId), 200),
);

export const requestUploadRoute = defineRoute(
  {
    method: 'post',
    path: `${base}/uploads`,
    operationId: 'requestEvidenceUpload',
    summary: 'Xin tải lên một tệp minh chứng (bước 1/3) / Request a file upload (step 1 of 3)',
    description:
      `Khai báo tệp (ô minh chứng, tên, loại, kích thước, SHA-256). Nhận: ${ALLOWED_LABELS}; tối đa ${MB} MB (413), loại khác: 415. Trả về đường dẫn ` +
      'để PUT nguyên nội dung tệp kèm đúng các header đã cho (bước 2), rồi gọi `POST …/evidence/files` (bước 3). Chưa ghi gì. / Declare the file ' +
      `(slot, name, type, size, SHA-256). Accepted: ${ALLOWED_LABELS}; at most ${MB} MB (413), other types 415. Answers where to PUT the raw bytes with ` +
      'exactly the given headers (step 2), then call `POST …/evidence/files` (step 3). Nothing is written.',
    tags,
    access: accountAccess,
    request: { params: SubmissionParamsSchema, body: RequestUploadSchema },
    responses: { 201: { description: 'Đường dẫn tải lên / Where to upload', schema: UploadTicketSchema }, 413: refused('Tệp quá lớn / Too large'), 415: refused('Loại tệp không nhận / Type not accepted') },
  },
  async ({ params, body, caller }, c) => c.json(await requestUpload(depsOf(c), caller, params.campaignId, params.unitId, body), 201),
);

export const attachFileRoute = defineRoute(
  {
    method: 'post',
    path: `${base}/files`,
    operationId: 'attachEvidenceFile',
    summary: 'Đính kèm tệp đã tải lên (bước 3/3) / Attach an uploaded file (step 3 of 3)',
    description:
      'Máy chủ đọc lại tệp đã lưu và kiểm tra kích thước, SHA-256 và loại theo nội dung; sai thì xoá tệp, không đính kèm (400/413/415). Phiên bản cũ: 409. ' +
      '/ The server reads the stored file back and checks its size, SHA-256 and type by content; on a mismatch it deletes the file and attaches nothing ' +
      '(400/413/415). A stale version: 409.',
    tags,
    access: accountAccess,
    request: { params: SubmissionParamsSchema, body: AttachFileSchema },
    responses: { 201: { description: 'Đã đính kèm / Attached', schema: AttachedFileSchema }, 409: refused('Phiên bản cũ, chưa tải lên, đã đính kèm / Stale, not uploaded, already attached') },
  },
  async ({ params, body, caller }, c) => c.json(await attachFile(depsOf(c), caller, params.campaignId, params.unitId, body), 201),
);

export const fileDownloadRoute = defineRoute(
  {
    method: 'get',
    path: `${base}/files/:evidenceId`,
    operationId: 'getEvidenceFileDownload',
    summary: 'Đường dẫn tải xuống một tệp minh chứng / A download URL for an evidence file',
    description: `Đường dẫn dùng được trong ${DOWNLOAD_URL_SECONDS / 60} phút, không cần đăng nhập. / A URL that works for ${DOWNLOAD_URL_SECONDS / 60} minutes, without signing in.`,
    tags,
    access: accountAccess,
    request: { params: FileParamsSchema },
    responses: { 200: { description: 'Đường dẫn tải xuống / The download URL', schema: FileDownloadSchema } },
  },
  async ({ params, caller }, c) => c.json(await fileDownload(depsOf(c), caller, params.campaignId, params.unitId, params.evidenceId), 200),
);

export const removeFileRoute = defineRoute(
  {
    method: 'delete',
    path: `${base}/files/:evidenceId`,
    operationId: 'removeEvidenceFile',
    summary: 'Gỡ một tệp minh chứng / Remove an evidence file',
    description: 'Gỡ khỏi hồ sơ (ghi nhật ký) rồi xoá tệp đã lưu. / Removes it from the submission (audited), then deletes the stored file.',
    tags,
    access: accountAccess,
    request: { params: FileParamsSchema, body: RemoveFileSchema },
    responses: { 200: { description: 'Hồ sơ sau khi gỡ / The submission after the removal', schema: SubmissionViewSchema }, 409: refused('Phiên bản cũ / Stale version') },
  },
  async ({ params, body, caller }, c) => c.json(await removeFile(depsOf(c), caller, params.campaignId, params.unitId, params.evidenceId, body.version), 200),
);

export const checkLinksRoute = defineRoute(
  {
    method: 'post',
    path: `${base}/check-links`,
    operationId: 'checkEvidenceLinks',
    summary: 'Kiểm tra các đường link minh chứng / Check the evidence links',
    description:
      'Thử truy cập từng đường link (HEAD, rồi GET nếu cần; tối đa 5 lần chuyển hướng; 5 giây mỗi link) và lưu báo cáo làm báo cáo gần nhất của hồ sơ. ' +
      'Địa chỉ nội bộ không được kiểm tra. Gọi lại quá sớm: 429. / Tries every link (HEAD, then GET when needed; up to 5 redirects; 5 s per link) and ' +
      'keeps the report as the submission’s last. Private addresses are not checked. Called again too soon: 429.',
    tags,
    access: accountAccess,
    request: { params: SubmissionParamsSchema },
    responses: { 200: { description: 'Báo cáo / The report', schema: LinkReportSchema } },
  },
  async ({ params, caller }, c) =>
    c.json(await checkLinks(depsOf(c), caller, params.campaignId, params.unitId, c.var.deps.linkCheck ?? { allowPrivateTargets: false }), 200),
);

/** Every route of the evidence feature. */
export const evidenceRoutes = [catalogueRoute, requestUploadRoute, attachFileRoute, fileDownloadRoute, removeFileRoute, checkLinksRoute, ...objectRoutes];
