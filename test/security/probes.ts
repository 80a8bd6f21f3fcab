import { ErrorResponseSchema } from '../../services/src/http/errors.ts';
import type { Route } from '../../services/src/http/route.ts';
import { type App, send } from './api.ts';
import type { Probe } from './cases.ts';
import type { Attacker, Target } from './targets.ts';

/** Sends the probes and judges each answer against its expectation. */

export interface Shot {
  route: Route;
  probe: Probe;
  attacker: Attacker;
  target: Target;
}

export interface Outcome {
  shot: Shot;
  /** The request as sent, for failure messages. */
  request: string;
  status: number;
  body: string;
  /** Why the answer is wrong; null when it is right. */
  problems: string[];
}

/** `/campaigns/:campaignId` with `{ campaignId }` filled in: the probe's URL comes from the route itself, so it cannot miss it. */
export function pathOf(route: Route, params: Record<string, string> = {}): string {
  const names = [...route.spec.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1] ?? '');
  const missing = names.filter((name) => params[name] === undefined);
  const extra = Object.keys(params).filter((name) => !names.includes(name));
  if (missing.length + extra.length > 0) throw new Error(`${route.spec.path}: params missing ${missing.join(', ')} / unknown ${extra.join(', ')}`);
  return route.spec.path.replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}

function urlOf(shot: Shot): string {
  const query = new URLSearchParams(shot.probe.query ?? {}).toString();
  return `${pathOf(shot.route, shot.probe.params)}${query === '' ? '' : `?${query}`}`;
}

async function fire(app: App, shot: Shot): Promise<Outcome> {
  const { probe, route, attacker } = shot;
  const path = urlOf(shot);
  const method = route.spec.method.toUpperCase();
  const response = await send(app, {
    method,
    path,
    headers: attacker.headers,
    ...(probe.body !== undefined && { body: probe.body }),
    ...(probe.upload !== undefined && { upload: probe.upload }),
  });
  const body = await response.text();
  const sent = `${path} ${probe.body === undefined ? '' : JSON.stringify(probe.body)}`;
  return { shot, request: `${method} ${path}`, status: response.status, body, problems: judge(shot, response.status, body, sent) };
}

/** Sends every shot, `concurrency` at a time; the outcomes in the shots' order. */
export async function fireAll(app: App, shots: readonly Shot[], concurrency: number): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(shots.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < shots.length; i = next++) {
      const shot = shots[i];
      if (shot !== undefined) outcomes[i] = await fire(app, shot);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return outcomes;
}

/** The target's strings found in the answer, but for those the request itself sent (a 404 may echo the id it was asked for). */
function leaks(target: Target, body: string, sent: string): string[] {
  return target.secrets.filter((secret) => body.includes(secret) && !sent.includes(secret));
}

function errorOf(body: string) {
  try {
    const parsed = ErrorResponseSchema.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data.error : null;
  } catch {
    return null;
  }
}

function judge({ probe, target }: Shot, status: number, body: string, sent: string): string[] {
  const problems: string[] = [];
  const leaked = leaks(target, body, sent);
  if (leaked.length > 0) problems.push(`the answer holds the target's ${leaked.map((s) => `“${s}”`).join(', ')}`);
  const expectation = probe.expect;
  if (expectation.kind === 'not-found') {
    if (status !== 404) problems.push(`expected 404 not-found, got ${status}`);
    else if (errorOf(body)?.code !== 'not-found') problems.push('a 404 without the error shape and code not-found');
  } else if (expectation.kind === 'refused') {
    const error = errorOf(body);
    if (status !== expectation.status) problems.push(`expected ${expectation.status} ${expectation.detailCode}, got ${status}`);
    else if (error === null || !error.details.some((d) => d.code === expectation.detailCode)) problems.push(`expected a detail with code ${expectation.detailCode}`);
  } else {
    if (!expectation.statuses.includes(status)) problems.push(`expected ${expectation.statuses.join(' or ')}, got ${status}`);
    else if (status >= 400 && errorOf(body) === null) problems.push(`a ${status} without the one error shape`);
  }
  return problems;
}
