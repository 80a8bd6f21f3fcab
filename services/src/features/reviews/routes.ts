import type { Context } from 'hono';
import { accountAccess } from '../../http/access.ts';
import type { AppEnv } from '../../http/app-env.ts';
import { ErrorResponseSchema } from '../../http/errors.ts';
import { type Route, defineRoute } from '../../http/route.ts';
import { submissionDepsOf } from '../submissions/deps.ts';
import { SubmissionParamsSchema } from '../submissions/schemas.ts';
import type { ReviewDeps } from './access.ts';
import { publicResultRoutes } from './public-routes.ts';
import { publishSubmission, recogniseSubmission, reopenSubmission } from './recognition.ts';
import { reviewRepository } from './repository.ts';
import { PatchReviewSchema, RecogniseSchema, ReopenSchema, ReturnSubmissionSchema, ReviewStepSchema, ReviewViewSchema } from './schemas.ts';
import { acceptSubmission, getReview, patchReview, returnSubmission, startReview } from './use-cases.ts';

const tags = ['Reviews'];
const base = '/campaigns/:campaignId/submissions/:unitId';

// A review works on the submission's own repositories, plus its own.
const depsOf = (c: Context<AppEnv>): ReviewDeps => ({ ...submissionDepsOf(c), reviews: reviewRepository(c.var.deps.store) });
const view = (description: string) => ({ 200: { description, schema: ReviewViewSchema } });
const conflict = { description: 'Không được phép ở trạng thái này (kèm các việc được phép), hoặc phiên bản cũ / Not allowed now (with what is), or stale', schema: ErrorResponseSchema };

export const getReviewRoute = defineRoute(
  {
    method: 'get',
    path: `${base}/review`,
    operationId: 'getReview',
    summary: 'Xem đánh giá ngoài / Read the external review',
    description:
      'Điểm của trường và của người đánh giá cạnh nhau, nhận xét, và những gì trường sửa từ lần trả lại gần nhất. / The school’s points and ' +
      'the reviewer’s side by side, the comments, and what the school changed since it was last returned.',
    tags,
    access: accountAccess,
    request: { params: SubmissionParamsSchema },
    responses: view('Đánh giá ngoài / The review'),
  },
  async ({ params, caller }, c) => c.json(await getReview(depsOf(c), caller, params.campaignId, params.unitId), 200),
);

export const startReviewRoute = defineRoute(
  {
    method: 'post',
    path: `${base}/review/start`,
    operationId: 'startReview',
    summary: 'Nhận đánh giá ngoài / Start the external review',
    description: 'Đơn vị công nhận (submission.review): đã nộp → đang đánh giá ngoài. / The recognising office: submitted → in review.',
    tags,
    access: accountAccess,
    request: { params: SubmissionParamsSchema, body: ReviewStepSchema },
    responses: { ...view('Đang đánh giá / In review'), 409: conflict },
  },
  async ({ params, body, caller }, c) => c.json(await startReview(depsOf(c), caller, params.campaignId, params.unitId, body.version), 200),
);

export const patchReviewRoute = defineRoute(
  {
    method: 'patch',
    path: `${base}/review`,
    operationId: 'patchReview',
    summary: 'Chấm điểm đánh giá ngoài / Score the review',
    description:
      'Điểm của người đánh giá theo chỉ số, cạnh điểm trường tự chấm (không ghi đè), và nhận xét theo tiêu chí. Vượt điểm tối đa: 400 nêu chỉ ' +
      'số và mức tối đa. Điểm của người đánh giá do máy chủ tính. / The reviewer’s points per indicator next to the school’s (never over ' +
      'them) and comments per criterion. Above the cap: 400 naming the indicator and the cap. The reviewer’s score is the server’s.',
    tags,
    access: accountAccess,
    request: { params: SubmissionParamsSchema, body: PatchReviewSchema },
    responses: { ...view('Sau khi lưu / After the change'), 409: conflict },
  },
  async ({ params, body, caller }, c) => c.json(await patchReview(depsOf(c), caller, params.campaignId, params.unitId, body), 200),
);

export const returnSubmissionRoute = defineRoute(
  {
    method: 'post',
    path: `${base}/return`,
    operationId: 'returnSubmission',
    summary: 'Trả lại hồ sơ / Return to the school',
    description: 'Kèm nhận xét bắt buộc; trường sửa rồi nộp lại. / With a required comment; the school edits and submits again.',
    tags,
    access: accountAccess,
    request: { params: SubmissionParamsSchema, body: ReturnSubmissionSchema },
    responses: { ...view('Đã trả lại / Returned'), 409: conflict },
  },
  async ({ params, body, caller }, c) => c.json(await returnSubmission(depsOf(c), caller, params.campaignId, params.unitId, body), 200),
);

export const acceptSubmissionRoute = defineRoute(
  {
    method: 'post',
    path: `${base}/accept`,
    operationId: 'acceptSubmission',
    summary: 'Chấp nhận hồ sơ / Accept',
    description: 'Đang đánh giá → đạt đánh giá ngoài; điểm của người đánh giá phải đầy đủ, hợp lệ. / In review → accepted; the reviewer’s points must be complete and valid.',
    tags,
    access: accountAccess,
    request: { params: SubmissionParamsSchema, body: ReviewStepSchema },
    responses: { ...view('Đã chấp nhận / Accepted'), 409: conflict },
  },
  async ({ params, body, caller }, c) => c.json(await acceptSubmission(depsOf(c), caller, params.campaignId, params.unitId, body.version), 200),
);

export const recogniseSubmissionRoute = defineRoute(
  {
    method: 'post',
    path: `${base}/recognise`,
    operationId: 'recogniseSubmission',
    summary: 'Công nhận mức / Recognise the level',
    description:
      'Đơn vị công nhận (submission.recognise), theo quyết định (số, ngày). Mức mặc định là mức tính từ điểm người đánh giá. / The recognising ' +
      'office, by decision (number, date). The levels default to those of the reviewer’s score.',
    tags,
    access: accountAccess,
    request: { params: SubmissionParamsSchema, body: RecogniseSchema },
    responses: { ...view('Đã công nhận / Recognised'), 409: conflict },
  },
  async ({ params, body, caller }, c) => c.json(await recogniseSubmission(depsOf(c), caller, params.campaignId, params.unitId, body), 200),
);

export const publishSubmissionRoute = defineRoute(
  {
    method: 'post',
    path: `${base}/publish`,
    operationId: 'publishSubmission',
    summary: 'Công bố kết quả / Publish the result',
    description:
      'Đơn vị công nhận hoặc thủ trưởng trường. Sau đó kết quả xem được không cần đăng nhập tại /public/…. / The recognising office or the ' +
      'school’s head. The result is then readable without sign-in at /public/….',
    tags,
    access: accountAccess,
    request: { params: SubmissionParamsSchema, body: ReviewStepSchema },
    responses: { ...view('Đã công bố / Published'), 409: conflict },
  },
  async ({ params, body, caller }, c) => c.json(await publishSubmission(depsOf(c), caller, params.campaignId, params.unitId, body.version), 200),
);

export const reopenSubmissionRoute = defineRoute(
  {
    method: 'post',
    path: `${base}/reopen`,
    operationId: 'reopenSubmission',
    summary: 'Mở lại kết quả / Reopen a result',
    description:
      'Chỉ đơn vị chủ trì kỳ đánh giá (campaign.manage), kèm lý do: đã công nhận / đã công bố → đang đánh giá ngoài; kết quả công bố được gỡ. / ' +
      'Only the campaign’s owner, with a reason: recognised / published → in review; a published result is withdrawn.',
    tags,
    access: accountAccess,
    request: { params: SubmissionParamsSchema, body: ReopenSchema },
    responses: { ...view('Đã mở lại / Reopened'), 409: conflict },
  },
  async ({ params, body, caller }, c) => c.json(await reopenSubmission(depsOf(c), caller, params.campaignId, params.unitId, body), 200),
);

/** Every route of the reviews feature: the review steps, and the public results pages. */
export const reviewRoutes: Route[] = [
  getReviewRoute,
  startReviewRoute,
  patchReviewRoute,
  returnSubmissionRoute,
  acceptSubmissionRoute,
  recogniseSubmissionRoute,
  publishSubmissionRoute,
  reopenSubmissionRoute,
  ...publicResultRoutes,
];
