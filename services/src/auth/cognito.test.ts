import { randomUUID } from 'node:crypto';
import { type Server, createServer } from 'node:http';
import { type CryptoKey, type JWK, type JWTPayload, SignJWT, exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import type { Store } from '../db/client.ts';
import { queryCognitoLinks } from '../db/query.ts';
import { newId } from '../db/ids.ts';
import { accountRepository } from '../features/accounts/repository.ts';
import type { Account } from '../features/accounts/schemas.ts';
import { MeSchema } from '../features/auth/schemas.ts';
import { HttpError } from '../http/errors.ts';
import { type TestProvince, seedProvince } from '../testing/province.ts';
import { adminContext } from '../testing/test-app.ts';
import { createTestStore } from '../testing/test-store.ts';
import { createAuthenticator } from './authenticator.ts';
import { type CognitoOptions, cognitoAuthenticator, cognitoIssuer } from './cognito.ts';
import type { Authenticator } from './identity.ts';

const REGION = 'ap-southeast-1';
const POOL = 'ap-southeast-1_TestPool1';
const CLIENT = 'chisotestclient1';
const ISSUER = cognitoIssuer(REGION, POOL);

let store: Store;
let p: TestProvince;
let other: TestProvince;
let server: Server;
let options: CognitoOptions;
let auth: Authenticator;
let signingKey: CryptoKey;
let strangerKey: CryptoKey;
const linked = { sub: randomUUID(), accountId: '' };

/** Serves the pool's public keys, as Cognito's /.well-known/jwks.json does, on the loopback only. */
function serveJwks(jwks: { keys: JWK[] }): Promise<Server> {
  const jwksServer = createServer((request, response) => {
    response.writeHead(request.url === '/jwks.json' ? 200 : 404, { 'content-type': 'application/json' });
    response.end(request.url === '/jwks.json' ? JSON.stringify(jwks) : '{}');
  });
  return new Promise((resolve) => jwksServer.listen(0, '127.0.0.1', () => resolve(jwksServer)));
}

async function linkedAccount(province: TestProvince, sub: string): Promise<Account> {
  const at = new Date().toISOString();
  const unit = province.units.schoolA1;
  const account: Account = {
    id: newId(),
    login: `cognito.${sub.slice(0, 8)}`,
    email: null,
    name: 'Hoàng Văn Nam',
    position: null,
    phone: null,
    homeUnitId: unit.id,
    homePath: unit.path,
    status: 'active',
    cognitoSub: sub,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  return accountRepository(store).insert(adminContext(province.tenantId), { account, passwordHash: null, grants: [{ unitId: unit.id, role: 'school-head' }] });
}

/** A token as Cognito issues it; `claims` override or add to an access token's. */
function token(claims: JWTPayload = {}, { key = signingKey, kid = 'pool-key', expiresIn = '1h' } = {}): Promise<string> {
  return new SignJWT({ token_use: 'access', client_id: CLIENT, sub: linked.sub, ...claims })
    .setProtectedHeader({ alg: 'RS256', kid })
    .setIssuer(typeof claims.iss === 'string' ? claims.iss : ISSUER)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(key);
}

beforeAll(async () => {
  store = await createTestStore();
  [p, other] = await Promise.all([seedProvince(store, 'cg-a'), seedProvince(store, 'cg-b')]);
  const pair = await generateKeyPair('RS256');
  signingKey = pair.privateKey;
  strangerKey = (await generateKeyPair('RS256')).privateKey;
  server = await serveJwks({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'pool-key', alg: 'RS256', use: 'sig' }] });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the JWKS server has no port');
  const { port } = address;
  options = { userPoolId: POOL, clientId: CLIENT, region: REGION, jwksUrl: `http://127.0.0.1:${port}/jwks.json` };
  auth = cognitoAuthenticator(options, store);
  linked.accountId = (await linkedAccount(p, linked.sub)).id;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('cognitoAuthenticator', () => {
  it('accepts an access token of our client and finds the account through the platform’s link', async () => {
    const identity = await auth.verify(await token());
    expect(identity).toMatchObject({ tenantId: 'cg-a', accountId: linked.accountId });
  });

  it('accepts an id token whose audience is our client', async () => {
    const identity = await auth.verify(await token({ token_use: 'id', client_id: undefined, aud: CLIENT }));
    expect(identity).toMatchObject({ tenantId: 'cg-a', accountId: linked.accountId });
  });

  it('takes the tenant from the link, never from a claim the user could edit', async () => {
    const identity = await auth.verify(await token({ 'custom:tenant': 'cg-b', tid: 'cg-b' }));
    expect(identity?.tenantId).toBe('cg-a');
  });

  it('refuses an expired token, another issuer, another client, and a token of another use', async () => {
    expect(await auth.verify(await token({}, { expiresIn: '-1m' }))).toBeNull();
    expect(await auth.verify(await token({ iss: cognitoIssuer(REGION, 'ap-southeast-1_OtherPool') }))).toBeNull();
    expect(await auth.verify(await token({ client_id: 'another-client' }))).toBeNull();
    expect(await auth.verify(await token({ token_use: 'id', client_id: undefined, aud: 'another-client' }))).toBeNull();
    expect(await auth.verify(await token({ token_use: 'refresh' }))).toBeNull();
  });

  it('refuses a token signed by a key the pool does not publish, and one that is no JWT', async () => {
    expect(await auth.verify(await token({}, { key: strangerKey }))).toBeNull();
    expect(await auth.verify(await token({}, { key: strangerKey, kid: 'other-key' }))).toBeNull();
    expect(await auth.verify('not-a-jwt')).toBeNull();
  });

  it('refuses a user linked to no account, and one linked in two provinces', async () => {
    expect(await auth.verify(await token({ sub: randomUUID() }))).toBeNull();
    // An account id is not a link: a token whose subject merely equals one finds nothing.
    expect(await auth.verify(await token({ sub: p.accounts.headA1.id }))).toBeNull();
    const twice = randomUUID();
    await linkedAccount(p, twice);
    await linkedAccount(other, twice);
    expect(await auth.verify(await token({ sub: twice }))).toBeNull();
  });

  it('answers 503 when the pool’s keys cannot be fetched, rather than calling every token invalid', async () => {
    const down = cognitoAuthenticator({ ...options, jwksUrl: options.jwksUrl?.replace('/jwks.json', '/missing') ?? null }, store);
    await expect(down.verify(await token())).rejects.toSatisfy((error) => error instanceof HttpError && error.status === 503);
  });

  it('reads links only from a Cognito link partition', async () => {
    await expect(queryCognitoLinks(store, 'TENANT#cg-a#ACCOUNTS')).rejects.toThrow(TypeError);
    await expect(queryCognitoLinks(store, 'PLATFORM#TENANTS')).rejects.toThrow(TypeError);
    await expect(queryCognitoLinks(store, 'PLATFORM#COGNITO#a#b')).rejects.toThrow(TypeError);
  });
});

describe('the API in Cognito mode', () => {
  it('serves GET /me to a Cognito-signed account, with its grants from the data, and refuses password sign-in', async () => {
    const authenticator = createAuthenticator({ authMode: 'cognito', jwtSecret: null, cognito: options }, store);
    const app = createApp({ store, systemAdminToken: null, authenticator, jwtSecret: null });
    const me = await app.request('/api/me', { headers: { authorization: `Bearer ${await token()}` } });
    expect(me.status).toBe(200);
    const body = MeSchema.parse(await me.json());
    expect(body.account).toMatchObject({ id: linked.accountId, cognitoSub: linked.sub });
    expect(body.grants.map((g) => g.role)).toEqual(['school-head']);
    const refused = await app.request('/api/me', { headers: { authorization: `Bearer ${await token({ sub: randomUUID() })}` } });
    expect(refused.status).toBe(401);
    const signIn = await app.request('/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenant: 'cg-a', login: 'x', password: 'y' }),
    });
    expect(signIn.status).toBe(404);
  });

  it('needs the region when it builds the authenticator', () => {
    expect(() => createAuthenticator({ authMode: 'cognito', jwtSecret: null, cognito: { ...options, region: null } }, store)).toThrow(/AWS_REGION/);
    expect(() => createAuthenticator({ authMode: 'cognito', jwtSecret: null, cognito: null }, store)).toThrow(/COGNITO_USER_POOL_ID/);
  });
});
