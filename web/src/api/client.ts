import { ApiError, offlineError, readApiError } from './errors.ts';
import type { CampaignPage, CriteriaVersionView, Me, Session, SubmissionPatch, SubmissionView } from './types.ts';

export interface ApiClientOptions {
  /** Where the API is; '' means the same origin as the page (how `npm start` serves it). */
  baseUrl?: string;
  /** The bearer token of the session, read on each request. */
  token: () => string | null;
  /** Called on a 401, so the app can drop an expired session. */
  onUnauthorized?: () => void;
  fetch?: typeof fetch;
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A typed client of the Chỉ số API: every refusal becomes an `ApiError` read from the one error shape. */
export function createApiClient(options: ApiClientOptions) {
  const base = options.baseUrl ?? '';
  const send = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = options.token();
    if (token !== null) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await send(`${base}/api${path}`, { method, headers, body: body === undefined ? null : JSON.stringify(body) });
    } catch {
      throw offlineError();
    }
    const parsed = await readJson(response);
    if (!response.ok) {
      const error = readApiError(response.status, parsed);
      if (response.status === 401) options.onUnauthorized?.();
      throw error;
    }
    if (!isResponseBody<T>(parsed)) throw readApiError(response.status, null);
    return parsed;
  }

  const enc = encodeURIComponent;
  return {
    /**
     * Any API call, for features that keep their own calls beside them (`features/<name>/api.ts`).
     * `path` is below /api and must already be encoded.
     */
    request,
    /** The bearer token for requests the client cannot make itself (uploads with progress via XHR). */
    token: options.token,
    signIn: (tenant: string, login: string, password: string) => request<Session>('POST', '/auth/sign-in', { tenant, login, password }),
    me: () => request<Me>('GET', '/me'),
    campaigns: () => request<CampaignPage>('GET', '/campaigns'),
    submission: (campaignId: string, unitId: string) => request<SubmissionView>('GET', `/campaigns/${enc(campaignId)}/submissions/${enc(unitId)}`),
    patchSubmission: (campaignId: string, unitId: string, patch: SubmissionPatch) =>
      request<SubmissionView>('PATCH', `/campaigns/${enc(campaignId)}/submissions/${enc(unitId)}`, patch),
    submit: (campaignId: string, unitId: string, version: number) =>
      request<SubmissionView>('POST', `/campaigns/${enc(campaignId)}/submissions/${enc(unitId)}/submit`, { version }),
    criteriaVersion: (setKey: string, number: number) => request<CriteriaVersionView>('GET', `/criteria-sets/${enc(setKey)}/versions/${number}`),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

/**
 * The server validates every response against its published schema (the OpenAPI document), so the
 * browser trusts a JSON body's shape instead of shipping a second copy of those schemas.
 */
function isResponseBody<T>(value: unknown): value is T {
  return value !== undefined && value !== null;
}

// `any` from Response.json() stays inside this function: callers get `unknown` (undefined for no JSON body).
async function readJson(response: Response): Promise<unknown> {
  const raw = await response.text().catch(() => '');
  if (raw === '') return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    return value;
  } catch {
    return undefined;
  }
}

export { ApiError };
