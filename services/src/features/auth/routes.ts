import { accountAccess, publicAccess } from '../../http/access.ts';
import { HttpError } from '../../http/errors.ts';
import { defineRoute } from '../../http/route.ts';
import { MeSchema, SessionSchema, SignInSchema } from './schemas.ts';
import { me, signIn } from './use-cases.ts';

const tags = ['Auth'];

export const signInRoute = defineRoute(
  {
    method: 'post',
    path: '/auth/sign-in',
    operationId: 'signIn',
    summary: 'Đăng nhập bằng mật khẩu / Sign in with a password',
    description:
      'Sai tỉnh, tên đăng nhập hay mật khẩu đều trả 401 `invalid-credentials`. Sai 5 lần trong 15 phút: 429 `too-many-attempts` ' +
      'kèm Retry-After (30 giây, gấp đôi mỗi lần, tối đa 15 phút). Với AUTH_MODE=cognito: 404, đăng nhập qua Cognito. / A wrong ' +
      'province, login or password all answer 401; after 5 failures in 15 minutes, 429 with Retry-After (30 s, doubling, at most ' +
      '15 min). With AUTH_MODE=cognito: 404, sign in through Cognito.',
    tags,
    access: publicAccess,
    request: { body: SignInSchema },
    responses: { 200: { description: 'Phiên đăng nhập / The session', schema: SessionSchema } },
  },
  async ({ body }, c) => {
    const { jwtSecret, store } = c.var.deps;
    // Only the embedded mode signs tokens; in Cognito mode the user pool signs people in.
    if (jwtSecret === null) {
      throw new HttpError(
        404,
        'sign-in-through-cognito',
        'Hệ thống đăng nhập qua Cognito; API không nhận mật khẩu',
        'Sign-in happens through Cognito; this API takes no passwords',
      );
    }
    return c.json(await signIn({ store, jwtSecret }, body), 200);
  },
);

export const meRoute = defineRoute(
  {
    method: 'get',
    path: '/me',
    operationId: 'getMe',
    summary: 'Tài khoản của tôi / My account',
    description:
      'Tài khoản, các vai trò tại từng đơn vị (tên, loại, đường dẫn) và nhãn vai trò, để chọn "làm việc cho đơn vị nào". / The ' +
      'account, its grants with their units and the role labels, so the app can offer "act for which unit".',
    tags,
    access: accountAccess,
    request: {},
    responses: { 200: { description: 'Tài khoản đang đăng nhập / The signed-in account', schema: MeSchema } },
  },
  async ({ caller }, c) => c.json(await me(c.var.deps.store, caller), 200),
);

/** Every route of the auth feature. */
export const authRoutes = [signInRoute, meRoute];
