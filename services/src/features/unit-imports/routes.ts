import type { Context } from 'hono';
import { hashPassword } from '../../auth/password.ts';
import { accountAccess } from '../../http/access.ts';
import type { AppEnv } from '../../http/app-env.ts';
import { HttpError } from '../../http/errors.ts';
import { defineRoute } from '../../http/route.ts';
import { MAX_FILE_BYTES, MAX_ROWS, ROWS_PER_APPLY } from './limits.ts';
import { XLSX_TYPE } from './parse.ts';
import { importRepository } from './repository.ts';
import { ApplyImportSchema, CreateImportQuerySchema, ImportJobSchema, ImportParamsSchema, ImportProgressSchema } from './schemas.ts';
import { type ImportDeps, applyImport, createImport, getImport } from './use-cases.ts';

const tags = ['Unit imports'];

function depsOf(c: Context<AppEnv>): ImportDeps {
  return {
    imports: importRepository(c.var.deps.store),
    // Passwords exist only where the platform signs people in itself; with Cognito the user pool invites them.
    hashPassword: c.var.deps.jwtSecret === null ? null : (password) => hashPassword(password),
    now: () => new Date().toISOString(),
  };
}

const FILE_FORMAT =
  'Tệp XLSX (trang tính đầu tiên có dữ liệu) hoặc CSV UTF-8 (RFC 4180; dấu phân cách `,`, `;` hoặc tab), gửi nguyên tệp làm nội dung yêu cầu ' +
  `(Content-Type: \`${XLSX_TYPE}\` hoặc \`text/csv\`), tối đa ${MAX_FILE_BYTES / 1024 / 1024} MB và ${MAX_ROWS} dòng. Dòng tiêu đề là dòng đầu tiên ` +
  '(trong 10 dòng đầu) có ít nhất hai cột dưới đây, không phân biệt hoa thường, dấu: `Mã đơn vị` (code, bắt buộc, duy nhất), `Tên đơn vị` (name, bắt buộc), `Loại hình` (kind, bắt buộc: ' +
  'mã loại hình hoặc tên như Mầm non, Tiểu học, THCS, THPT, TH&THCS, THCS&THPT, PTCS, PT nhiều cấp, GDTX, Phòng GDĐT), ' +
  '`Mã đơn vị cấp trên` (parent code; để trống = ngay dưới đơn vị gốc của lượt nhập; có thể là đơn vị đã có hoặc một dòng khác của tệp), ' +
  'và các cột tài khoản tuỳ chọn `Tên đăng nhập` (login), `Họ và tên` (account name), `Email`, `Vai trò` (role; mặc định Hiệu trưởng ở trường, ' +
  'Quản trị Phòng ở Phòng). Khớp theo mã đơn vị: đơn vị đã có cùng tên và loại hình thì giữ nguyên, khác tên/loại hình thì sửa; ' +
  'khác đơn vị cấp trên là lỗi (hãy dùng chức năng Chuyển đơn vị). / An XLSX (first sheet with data) or UTF-8 CSV (RFC 4180; `,`, `;` or tab) ' +
  'sent as the raw body; the header is the first of the first ten rows naming two known columns (case- and accent-insensitive; English aliases code, name, kind, parent code, login, account name, ' +
  'email, role). Units match by code: same name and kind = unchanged, else updated; another parent is an error (use Move unit).';

export const createImportRoute = defineRoute(
  {
    method: 'post',
    path: '/unit-imports',
    operationId: 'createUnitImport',
    summary: 'Tải lên danh sách đơn vị và kiểm tra (chưa ghi gì) / Upload a unit list and check it (dry run)',
    description:
      `${FILE_FORMAT}\n\nTrả về kết quả kiểm tra: số đơn vị sẽ tạo, sửa, giữ nguyên và mọi dòng lỗi (số dòng, cột, lý do). Chưa có gì được ghi; ` +
      'gọi `POST /unit-imports/{importId}/apply` để nhập. / Answers the dry run: rows to create, update, keep, and every bad row with its ' +
      'column and reason. Nothing is written until apply. Needs `unit.manage` (and `account.manage` with account columns) at the scope unit.',
    tags,
    access: accountAccess,
    request: { query: CreateImportQuerySchema },
    upload: {
      contentTypes: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream'],
      description: 'Tệp danh sách đơn vị (tối đa 5 MB) / The unit list file (5 MB at most)',
    },
    responses: { 201: { description: 'Kết quả kiểm tra / The dry run', schema: ImportJobSchema } },
  },
  async ({ query, caller }, c) => {
    const bytes = await readUpload(c);
    const job = await createImport(depsOf(c), caller, { contentType: c.req.header('content-type'), bytes, scopeUnitId: query.scopeUnitId });
    c.header('Location', `/api/unit-imports/${job.importId}`);
    return c.json(job, 201);
  },
);

export const getImportRoute = defineRoute(
  {
    method: 'get',
    path: '/unit-imports/:importId',
    operationId: 'getUnitImport',
    summary: 'Xem một lượt nhập: kết quả kiểm tra và tiến độ / Read an import: its dry run and progress',
    tags,
    access: accountAccess,
    request: { params: ImportParamsSchema },
    responses: { 200: { description: 'Lượt nhập / The import', schema: ImportJobSchema } },
  },
  async ({ params, caller }, c) => c.json(await getImport(depsOf(c), caller, params.importId), 200),
);

export const applyImportRoute = defineRoute(
  {
    method: 'post',
    path: '/unit-imports/:importId/apply',
    operationId: 'applyUnitImport',
    summary: 'Nhập phần tiếp theo của danh sách / Apply the next part of an import',
    description:
      `Mỗi lần gọi nhập tối đa ${ROWS_PER_APPLY} dòng tiếp theo rồi trả tiến độ; gọi lại với \`version\` vừa nhận cho đến khi \`done\`. Gọi lặp ` +
      'hay bị ngắt giữa chừng không bao giờ nhập trùng. Lượt nhập có lỗi trả 409 `import-has-errors`; cây đơn vị đã thay đổi từ lúc kiểm tra ' +
      'trả 409 `import-stale` (tải tệp lên lại). Mật khẩu dùng một lần của tài khoản mới chỉ có trong câu trả lời của lần gọi đã tạo tài khoản. / ' +
      `Each call applies up to ${ROWS_PER_APPLY} more rows and answers the progress; call again with the answer's \`version\` until \`done\`. ` +
      'A repeated or interrupted call never applies a row twice. An import with errors answers 409 `import-has-errors`; a tree changed since ' +
      'the check answers 409 `import-stale` (upload again). New accounts’ one-time passwords appear only in the answer that created them.',
    tags,
    access: accountAccess,
    request: { params: ImportParamsSchema, body: ApplyImportSchema },
    responses: { 200: { description: 'Tiến độ sau lần gọi này / The progress after this call', schema: ImportProgressSchema } },
  },
  async ({ params, body, caller }, c) => c.json(await applyImport(depsOf(c), caller, params.importId, body.version), 200),
);

/** The raw body, refused past MAX_FILE_BYTES while it streams in (the app's 1 MB JSON limit does not apply to this path). */
async function readUpload(c: Context<AppEnv>): Promise<Uint8Array> {
  const tooLarge = () =>
    new HttpError(413, 'file-too-large', `Tệp quá lớn (tối đa ${MAX_FILE_BYTES / 1024 / 1024} MB)`, `The file is too large (${MAX_FILE_BYTES / 1024 / 1024} MB at most)`);
  const declared = Number(c.req.header('content-length') ?? Number.NaN);
  if (declared > MAX_FILE_BYTES) throw tooLarge();
  const stream = c.req.raw.body;
  if (stream === null) return new Uint8Array();
  const parts: Uint8Array[] = [];
  let size = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_FILE_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    parts.push(value);
  }
  return Buffer.concat(parts);
}

/** Every route of the unit-imports feature. */
export const unitImportRoutes = [createImportRoute, getImportRoute, applyImportRoute];
