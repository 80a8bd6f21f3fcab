import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { BlockedTargetError, type Resolver, guardedLookup, isBlockedAddress, systemResolver } from './address-guard.ts';

/** What became of one link. */
export type ProbeOutcome = 'ok' | 'error-status' | 'unreachable' | 'timeout' | 'blocked';

export interface ProbeResult {
  outcome: ProbeOutcome;
  /** The last HTTP status received (after redirects), or null when none was. */
  status: number | null;
  /** Where the redirects led; the link itself when there were none. */
  finalUrl: string;
  redirects: number;
  /** Why, for a link that is not ok: a status, a network error code, `too-many-redirects`, `private-address`… */
  reason: string | null;
  durationMs: number;
}

export interface ProbeOptions {
  /** For the whole link, redirects and the GET fallback included. */
  timeoutMs: number;
  maxRedirects: number;
  /** Off in production: loopback and private targets are refused. Tests against 127.0.0.1 switch it on. */
  allowPrivateTargets: boolean;
  resolver?: Resolver;
}

const USER_AGENT = 'ChiSo-LinkChecker/1.0 (kiem tra minh chung; evidence link check)';

interface Answer {
  status: number;
  location: string | null;
}

/** One request without a body; the answer's body is never read (a GET is cut after its headers). */
function requestOnce(url: URL, method: 'HEAD' | 'GET', signal: AbortSignal, options: ProbeOptions): Promise<Answer> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(url, {
      method,
      signal,
      // A fresh connection each time: no pooled socket outlives the check, nor skips the guarded lookup.
      agent: false,
      lookup: guardedLookup(options.resolver ?? systemResolver, options.allowPrivateTargets),
      headers: { 'user-agent': USER_AGENT, accept: '*/*', connection: 'close' },
    });
    req.on('response', (res) => {
      const location = res.headers.location;
      resolve({ status: res.statusCode ?? 0, location: typeof location === 'string' ? location : null });
      res.destroy();
    });
    req.on('error', reject);
    req.end();
  });
}

function refusal(url: URL, options: ProbeOptions): string | null {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'protocol';
  if (url.username !== '' || url.password !== '') return 'credentials';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!options.allowPrivateTargets && isIP(host) !== 0 && isBlockedAddress(host)) return 'private-address';
  return null;
}

function failureOf(error: unknown, signal: AbortSignal): { outcome: ProbeOutcome; reason: string } {
  if (signal.aborted) return { outcome: 'timeout', reason: 'timeout' };
  if (error instanceof BlockedTargetError) return { outcome: 'blocked', reason: 'private-address' };
  const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : 'network-error';
  return { outcome: 'unreachable', reason: code };
}

/**
 * Checks that a link answers: HEAD first (servers that refuse or mishandle HEAD get a GET), following
 * up to `maxRedirects` redirects, each hop checked like the link itself (only http/https, and no
 * private or loopback target unless allowed). Never sends a body, never reads one.
 */
export async function probeLink(link: string, options: ProbeOptions): Promise<ProbeResult> {
  const started = Date.now();
  const signal = AbortSignal.timeout(options.timeoutMs);
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return { outcome: 'unreachable', status: null, finalUrl: link, redirects: 0, reason: 'invalid-url', durationMs: 0 };
  }
  let method: 'HEAD' | 'GET' = 'HEAD';
  let redirects = 0;
  let status: number | null = null;
  const result = (outcome: ProbeOutcome, reason: string | null): ProbeResult => ({
    outcome,
    status,
    finalUrl: url.href,
    redirects,
    reason,
    durationMs: Date.now() - started,
  });
  for (;;) {
    const refused = refusal(url, options);
    if (refused !== null) return result('blocked', refused);
    let answer: Answer;
    try {
      answer = await requestOnce(url, method, signal, options);
    } catch (error) {
      const failure = failureOf(error, signal);
      return result(failure.outcome, failure.reason);
    }
    status = answer.status;
    if (status >= 300 && status < 400 && answer.location !== null) {
      if (redirects >= options.maxRedirects) return result('unreachable', 'too-many-redirects');
      redirects += 1;
      try {
        url = new URL(answer.location, url);
      } catch {
        return result('unreachable', 'invalid-redirect');
      }
      continue;
    }
    if (status >= 400 && method === 'HEAD') {
      method = 'GET';
      continue;
    }
    return status >= 200 && status < 400 ? result('ok', null) : result('error-status', String(status));
  }
}
