import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { embeddedAuthenticator } from '../../auth/account-token.ts';
import type { Store } from '../../db/client.ts';
import { HttpError } from '../../http/errors.ts';
import { type TestProvince, seedProvince } from '../../testing/province.ts';
import { TEST_JWT_SECRET, adminHeaders, createTestApp } from '../../testing/test-app.ts';
import { createTestStore } from '../../testing/test-store.ts';
import { type Call, caller, errorOf, read, seedAccount } from '../accounts/testing.ts';
import { AccountDetailSchema } from '../accounts/schemas.ts';
import { AuditEventPageSchema } from '../audit-events/schemas.ts';
import { MeSchema, SessionSchema } from './schemas.ts';
import { attemptsId } from './throttle.ts';
import { signIn } from './use-cases.ts';

let store: Store;
let call: Call;
let p: TestProvince;

const PASSWORD = 'mật khẩu đăng nhập 01';
const json = { 'content-type': 'application/json' };

beforeAll(async () => {
  store = await createTestStore();
  call = caller(createTestApp(store));
  p = await seedProvince(store, 'si-a');
  await seedProvince(store, 'si-b');
});

/** A school head of school A1 with a password (hashed cheaply: these tests sign in many times). */
function head(login: string, email: string | null = null) {
  return seedAccount(store, 'si-a', { login, email, unit: p.units.schoolA1, role: 'school-head', password: PASSWORD });
}

const attempt = (login: string, password: string, tenant = 'si-a') => call(json, 'POST', '/auth/sign-in', { tenant, login, password });

const bearer = (token: string) => ({ authorization: `Bearer ${token}`, ...json });

describe('POST /auth/sign-in', () => {
  it('signs in with the login or the email, and the token works on GET /me', async () => {
    const account = await head('ht.lan', 'ht.lan@example.edu.vn');
    const session = await read(await attempt('HT.Lan', PASSWORD), 200, SessionSchema);
    expect(session.account.id).toBe(account.id);
    expect(Date.parse(session.expiresAt) - Date.now()).toBeGreaterThan(25 * 60_000);
    expect(session.grants).toEqual([expect.objectContaining({ role: 'school-head', unit: expect.objectContaining({ name: 'Trường Tiểu học Hoa Sen' }) })]);
    const me = await read(await call(bearer(session.token), 'GET', '/me'), 200, MeSchema);
    expect(me).toEqual({
      account: session.account,
      grants: [
        {
          unitId: p.units.schoolA1.id,
          role: 'school-head',
          roleLabel: { vi: 'Hiệu trưởng/Thủ trưởng đơn vị', en: 'Head of school' },
          unit: { id: p.units.schoolA1.id, name: 'Trường Tiểu học Hoa Sen', kind: 'primary', path: p.units.schoolA1.path },
        },
      ],
      roles: [{ role: 'school-head', label: { vi: 'Hiệu trưởng/Thủ trưởng đơn vị', en: 'Head of school' } }],
    });
    const byEmail = await read(await attempt(' HT.LAN@example.edu.vn ', PASSWORD), 200, SessionSchema);
    expect(byEmail.account.id).toBe(account.id);
    expect(JSON.stringify([session, me])).not.toMatch(/scrypt|passwordHash/);
  });

  it('answers the same 401 for a wrong password, an unknown login and another province', async () => {
    await head('ht.giong.nhau');
    const answers = await Promise.all([
      attempt('ht.giong.nhau', 'mật khẩu sai hoàn toàn'),
      attempt('khong.co.ai', PASSWORD),
      attempt('ht.giong.nhau', PASSWORD, 'si-b'),
      attempt('ht.giong.nhau', PASSWORD, 'khong-co-tinh'),
    ]);
    const errors = await Promise.all(answers.map(async (response) => ({ ...(await errorOf(response, 401)), requestId: undefined })));
    for (const error of errors) expect(error).toEqual(errors[0]);
    expect(errors[0]).toMatchObject({ code: 'invalid-credentials', message: 'Tỉnh, tên đăng nhập hoặc mật khẩu không đúng' });
  });

  it('locks a login after 5 failures: 429 with Retry-After, without checking the password', { timeout: 30_000 }, async () => {
    await head('ht.bi.khoa');
    for (let i = 0; i < 5; i += 1) await errorOf(await attempt('ht.bi.khoa', `sai lần thứ ${i}`), 401);
    const locked = await attempt('ht.bi.khoa', PASSWORD);
    expect((await errorOf(locked, 429)).code).toBe('too-many-attempts');
    const wait = Number(locked.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(25);
    expect(wait).toBeLessThanOrEqual(30);
    // Logins that do not exist lock the same way, so the lock tells nothing about who exists.
    for (let i = 0; i < 5; i += 1) await errorOf(await attempt('khong.ton.tai', `sai ${i}`), 401);
    await errorOf(await attempt('khong.ton.tai', PASSWORD), 429);
  });

  it('audits failed attempts and the lock as the anonymous actor, naming the login', { timeout: 30_000 }, async () => {
    const account = await head('ht.nhat.ky');
    for (let i = 0; i < 5; i += 1) await attempt('ht.nhat.ky', 'sai mật khẩu');
    const id = attemptsId({ login: 'ht.nhat.ky', accountId: account.id });
    const events = AuditEventPageSchema.parse(await (await call(adminHeaders, 'GET', `/tenants/si-a/audit-events?entityType=login&entityId=${id}`)).json()).items;
    expect(events.map((e) => e.action)).toEqual(['login.locked', 'login.failed', 'login.failed', 'login.failed', 'login.failed']);
    expect(events[0]).toMatchObject({ actor: { kind: 'anonymous' }, after: { login: 'ht.nhat.ky', accountId: account.id, failures: 5 } });
    expect(JSON.stringify(events)).not.toContain('sai mật khẩu');
  });

  it('forgets the failures after a success', { timeout: 30_000 }, async () => {
    await head('ht.quen.loi');
    for (let i = 0; i < 4; i += 1) await errorOf(await attempt('ht.quen.loi', 'sai'), 401);
    await read(await attempt('ht.quen.loi', PASSWORD), 200, SessionSchema);
    for (let i = 0; i < 4; i += 1) await errorOf(await attempt('ht.quen.loi', 'sai'), 401);
    await read(await attempt('ht.quen.loi', PASSWORD), 200, SessionSchema);
  });

  it('counts a login and its email as one', { timeout: 30_000 }, async () => {
    await head('ht.mot.dem', 'mot.dem@example.edu.vn');
    for (let i = 0; i < 3; i += 1) await errorOf(await attempt('ht.mot.dem', 'sai'), 401);
    for (let i = 0; i < 2; i += 1) await errorOf(await attempt('mot.dem@example.edu.vn', 'sai'), 401);
    await errorOf(await attempt('ht.mot.dem', PASSWORD), 429);
  });

  it('refuses a disabled account with the same 401, and the token it had at its next request', async () => {
    const account = await head('ht.da.khoa');
    const session = await read(await attempt('ht.da.khoa', PASSWORD), 200, SessionSchema);
    await read(await call(p.headers.provinceAdmin, 'PATCH', `/accounts/${account.id}`, { version: 1, status: 'disabled' }), 200, AccountDetailSchema);
    expect((await errorOf(await attempt('ht.da.khoa', PASSWORD), 401)).code).toBe('invalid-credentials');
    await errorOf(await call(bearer(session.token), 'GET', '/me'), 401);
  });

  it('names a malformed province or a missing field with 400', async () => {
    const error = await errorOf(await call(json, 'POST', '/auth/sign-in', { tenant: 'Sở A', login: '' }), 400);
    expect(error.details.map((d) => d.path).sort()).toEqual(['body.login', 'body.password', 'body.tenant']);
  });

  it('answers 404 in Cognito mode: sign-in happens through Cognito', async () => {
    const cognitoApp = createApp({ store, systemAdminToken: null, authenticator: embeddedAuthenticator(TEST_JWT_SECRET), jwtSecret: null });
    const response = await cognitoApp.request('/api/auth/sign-in', { method: 'POST', headers: json, body: JSON.stringify({ tenant: 'si-a', login: 'ht.lan', password: PASSWORD }) });
    expect((await errorOf(response, 404)).code).toBe('sign-in-through-cognito');
  });
});

describe('GET /me', () => {
  it('refuses a request without a valid token', async () => {
    expect((await call(json, 'GET', '/me')).status).toBe(401);
    expect((await call(bearer('not.a.token'), 'GET', '/me')).status).toBe(401);
  });
});

describe('signIn, over time', () => {
  const clock = (start: number) => {
    let at = start;
    return { now: () => new Date(at), advance: (seconds: number) => void (at += seconds * 1000) };
  };
  const waitOf = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    if (!(error instanceof HttpError)) throw new Error(`expected an HttpError, got ${String(error)}`);
    return { status: error.status, retryAfter: error.headers['Retry-After'] ?? null };
  };

  it('locks for 30 s, then twice as long after each further failure; a success after the lock forgets it all', { timeout: 60_000 }, async () => {
    await head('ht.dong.ho');
    const time = clock(Date.parse('2026-01-05T01:00:00Z'));
    const deps = { store, jwtSecret: TEST_JWT_SECRET, now: time.now };
    const wrong = () => waitOf(signIn(deps, { tenant: 'si-a', login: 'ht.dong.ho', password: 'sai' }));
    for (let i = 0; i < 5; i += 1) expect(await wrong()).toEqual({ status: 401, retryAfter: null });
    time.advance(10);
    expect(await wrong()).toEqual({ status: 429, retryAfter: '20' });
    time.advance(21);
    expect(await wrong()).toEqual({ status: 401, retryAfter: null });
    expect(await wrong()).toEqual({ status: 429, retryAfter: '60' });
    time.advance(61);
    const session = await signIn(deps, { tenant: 'si-a', login: 'ht.dong.ho', password: PASSWORD });
    expect(Date.parse(session.expiresAt)).toBe(time.now().getTime() + 30 * 60_000);
    for (let i = 0; i < 4; i += 1) expect(await wrong()).toEqual({ status: 401, retryAfter: null });
  });

  it('forgets failures older than 15 minutes', { timeout: 60_000 }, async () => {
    await head('ht.cu.roi');
    const time = clock(Date.parse('2026-01-05T02:00:00Z'));
    const deps = { store, jwtSecret: TEST_JWT_SECRET, now: time.now };
    const wrong = () => waitOf(signIn(deps, { tenant: 'si-a', login: 'ht.cu.roi', password: 'sai' }));
    for (let i = 0; i < 4; i += 1) expect((await wrong()).status).toBe(401);
    time.advance(15 * 60 + 1);
    for (let i = 0; i < 4; i += 1) expect((await wrong()).status).toBe(401);
    await expect(signIn(deps, { tenant: 'si-a', login: 'ht.cu.roi', password: PASSWORD })).resolves.toMatchObject({ account: { login: 'ht.cu.roi' } });
  });
});
