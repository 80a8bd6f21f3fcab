import { accountAccess } from '../../http/access.ts';
import { ErrorResponseSchema } from '../../http/errors.ts';
import { PageQuerySchema } from '../../http/paging.ts';
import { defineRoute } from '../../http/route.ts';
import { AuditEventPageSchema } from '../audit-events/schemas.ts';
import { CampaignParamsSchema } from '../campaigns/schemas.ts';
import { submissionDepsOf } from './deps.ts';
import { campaignProgress } from './progress.ts';
import { PatchSubmissionSchema, ProgressQuerySchema, ProgressSchema, SubmissionParamsSchema, SubmissionViewSchema, SubmitSchema } from './schemas.ts';
import { getSubmission, patchSubmission, submissionHistory, submitSubmission } from './use-cases.ts';

const tags = ['Submissions'];

const conflict = (description: string) => ({ description, schema: ErrorResponseSchema });

export const campaignProgressRoute = defineRoute(
  {
    method: 'get',
    path: '/campaigns/:campaignId/progress',
    operationId: 'getCampaignProgress',
    summary: 'Tiến độ kỳ đánh giá / Campaign progress',
    description:
      'Các đơn vị trong phạm vi của bạn với trạng thái; điểm và mức (tổng và theo nhóm) do trường tự đánh giá, của người đánh giá ngoài và được ' +
      'công nhận, khi đã có; số lượng theo trạng thái. overdue: quá hạn tự đánh giá mà chưa nộp. / The units in your scope with their status; the ' +
      'points and levels (overall and per group) the school gave itself, the reviewer’s and the recognised ones, once there; counts per status. ' +
      'overdue: past the self-assessment deadline, not submitted.',
    tags,
    access: accountAccess,
    request: { params: CampaignParamsSchema, query: ProgressQuerySchema },
    responses: { 200: { description: 'Tiến độ / Progress', schema: ProgressSchema } },
  },
  async ({ params, query, caller }, c) => c.json(await campaignProgress(submissionDepsOf(c), caller, params.campaignId, query), 200),
);

export const getSubmissionRoute = defineRoute(
  {
    method: 'get',
    path: '/campaigns/:campaignId/submissions/:unitId',
    operationId: 'getSubmission',
    summary: 'Xem hồ sơ tự đánh giá / Read a submission',
    description:
      'Hồ sơ với điểm do máy chủ tính theo phiên bản bộ chỉ số đã ghim. Trường thêm sau khi mở kỳ sẽ có hồ sơ ngay lần đọc đầu. / The ' +
      'submission with the score the server computes on its pinned criteria version. A school added after opening gets one on first read.',
    tags,
    access: accountAccess,
    request: { params: SubmissionParamsSchema },
    responses: { 200: { description: 'Hồ sơ / The submission', schema: SubmissionViewSchema } },
  },
  async ({ params, caller }, c) => c.json(await getSubmission(submissionDepsOf(c), caller, params.campaignId, params.unitId), 200),
);

export const patchSubmissionRoute = defineRoute(
  {
    method: 'patch',
    path: '/campaigns/:campaignId/submissions/:unitId',
    operationId: 'patchSubmission',
    summary: 'Lưu thay đổi hồ sơ (tự động lưu) / Save changes (autosave)',
    description:
      'Chỉ gửi các mục thay đổi; null để xoá. Câu trả lời hoặc điểm không hợp lệ: 400 kèm đường dẫn; phiên bản cũ: 409 với `currentVersion`; ' +
      'hồ sơ đã nộp: 409. Tổng điểm luôn do máy chủ tính. / Send only what changed; null removes. An invalid answer or award: 400 with its ' +
      'path; a stale version: 409 with `currentVersion`; a submitted submission: 409. Totals are always the server’s.',
    tags,
    access: accountAccess,
    request: { params: SubmissionParamsSchema, body: PatchSubmissionSchema },
    responses: { 200: { description: 'Hồ sơ sau khi lưu / The submission after the change', schema: SubmissionViewSchema }, 409: conflict('Phiên bản cũ hoặc không sửa được / Stale or not editable') },
  },
  async ({ params, body, caller }, c) => c.json(await patchSubmission(submissionDepsOf(c), caller, params.campaignId, params.unitId, body), 200),
);

export const submitSubmissionRoute = defineRoute(
  {
    method: 'post',
    path: '/campaigns/:campaignId/submissions/:unitId/submit',
    operationId: 'submitSubmission',
    summary: 'Nộp hồ sơ (thủ trưởng đơn vị) / Submit (head of school)',
    description:
      'Chỉ hồ sơ đầy đủ (409 liệt kê những gì còn thiếu), trước hạn tự đánh giá hoặc hạn được gia. / Only a complete submission (409 lists ' +
      'what is missing), before the self-assessment deadline or the unit’s extension.',
    tags,
    access: accountAccess,
    request: { params: SubmissionParamsSchema, body: SubmitSchema },
    responses: { 200: { description: 'Đã nộp / Submitted', schema: SubmissionViewSchema }, 409: conflict('Chưa đủ, quá hạn, hoặc không được nộp lúc này / Incomplete, late, or not allowed now') },
  },
  async ({ params, body, caller }, c) => c.json(await submitSubmission(submissionDepsOf(c), caller, params.campaignId, params.unitId, body.version), 200),
);

export const submissionHistoryRoute = defineRoute(
  {
    method: 'get',
    path: '/campaigns/:campaignId/submissions/:unitId/history',
    operationId: 'getSubmissionHistory',
    summary: 'Lịch sử hồ sơ / Submission history',
    description: 'Mọi thay đổi câu trả lời, điểm, minh chứng và trạng thái; mới nhất trước. / Every change of answers, points, evidence and status; newest first.',
    tags,
    access: accountAccess,
    request: { params: SubmissionParamsSchema, query: PageQuerySchema },
    responses: { 200: { description: 'Một trang / One page', schema: AuditEventPageSchema } },
  },
  async ({ params, query, caller }, c) =>
    c.json(await submissionHistory(submissionDepsOf(c), caller, params.campaignId, params.unitId, { limit: query.limit, cursor: query.cursor ?? null }), 200),
);

/** Every route of the submissions feature. */
export const submissionRoutes = [campaignProgressRoute, getSubmissionRoute, patchSubmissionRoute, submitSubmissionRoute, submissionHistoryRoute];
