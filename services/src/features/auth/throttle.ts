import { createHash } from 'node:crypto';
import * as z from 'zod';
import type { TenantContext } from '../../auth/tenant-context.ts';
import { auditEvent } from '../../db/audit-event.ts';
import type { Store } from '../../db/client.ts';
import { tenantKey } from '../../db/keys.ts';
import { getTenantItem } from '../../db/query.ts';
import { commit, deleteIfVersion, putNew, updateIfVersion } from '../../db/versioned.ts';
import { ConflictError, type EntityRef } from '../../errors.ts';
import { HttpError } from '../../http/errors.ts';

/** Failures of one login within the window that lock it. */
export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;
/** The first lock; each further one doubles, up to the cap. */
export const FIRST_LOCK_SECONDS = 30;
export const MAX_LOCK_SECONDS = 15 * 60;

/** The failed attempts of one login, as stored. */
export interface Attempts {
  failures: number;
  firstFailureAt: string;
  /** How many times the login was locked since the count last started: each lock lasts twice the one before. */
  locks: number;
  lockedUntil: string | null;
  /** Epoch seconds after which the count is forgotten (DynamoDB TTL can delete the item then; reads ignore it past then anyway). */
  ttl: number;
}

/** What one read of the counter found: the attempts that still count (null when none), and the stored item's version. */
export interface ThrottleState {
  ctx: TenantContext;
  id: string;
  subject: AttemptSubject;
  attempts: Attempts | null;
  storedVersion: number | null;
}

/**
 * Whose attempts are counted: the account when the typed login (or email) names one, so its login and
 * its email share one count; else the typed login itself, so unknown logins lock just like known ones
 * (the lock must not tell a guesser which logins exist).
 */
export interface AttemptSubject {
  /** As typed, normalized. */
  login: string;
  accountId: string | null;
}

/** The counter's id: a hash, so whatever was typed (a `#`, a password in the wrong field) never becomes a key. */
export function attemptsId(subject: AttemptSubject): string {
  const name = subject.accountId === null ? `login:${subject.login}` : `account:${subject.accountId}`;
  return createHash('sha256').update(name, 'utf8').digest('hex').slice(0, 32);
}

/** Seconds until `attempts` unlock, or null when they do not lock now. */
export function lockedFor(attempts: Attempts | null, now: Date): number | null {
  if (attempts === null || attempts.lockedUntil === null) return null;
  const left = Date.parse(attempts.lockedUntil) - now.getTime();
  return left > 0 ? Math.ceil(left / 1000) : null;
}

/**
 * The attempts after one more failure: within the window, the fifth locks the login for 30 s; once it
 * has been locked, every further failure locks it again for twice as long (at most 15 minutes), until a
 * success or a quiet window forgets it all.
 */
export function afterFailure(current: Attempts | null, now: Date): Attempts {
  const at = now.toISOString();
  const base = current ?? { failures: 0, firstFailureAt: at, locks: 0, lockedUntil: null, ttl: 0 };
  const failures = base.failures + 1;
  if (base.locks === 0 && failures < MAX_FAILURES) {
    return { ...base, failures, ttl: epochSeconds(Date.parse(base.firstFailureAt) + WINDOW_MS) };
  }
  const locks = base.locks + 1;
  const seconds = Math.min(FIRST_LOCK_SECONDS * 2 ** (locks - 1), MAX_LOCK_SECONDS);
  const until = now.getTime() + seconds * 1000;
  return { failures, firstFailureAt: base.firstFailureAt, locks, lockedUntil: new Date(until).toISOString(), ttl: epochSeconds(until + WINDOW_MS) };
}

/** 429 `too-many-attempts`, with the seconds to wait in Retry-After. */
export function tooManyAttempts(seconds: number): HttpError {
  return new HttpError(
    429,
    'too-many-attempts',
    `Đăng nhập sai quá nhiều lần; hãy thử lại sau ${seconds} giây`,
    `Too many failed sign-ins; try again in ${seconds} seconds`,
    [],
    { 'Retry-After': String(seconds) },
  );
}

const RECORD_TRIES = 4;

/**
 * Failed sign-ins per (tenant, account or typed login), in one item each (`TENANT#<t>#SIGN-IN#<hash>`):
 * written with a version condition, so concurrent failures are each counted; every write audited
 * (`login.failed`, `login.locked`, `login.reset`).
 */
export function signInThrottle(store: Store) {
  const keys = (ctx: TenantContext, id: string) => ({ pk: tenantKey(ctx, 'SIGN-IN', id), sk: 'ATTEMPTS' });
  const entityOf = (id: string): EntityRef => ({ type: 'login', id });

  const read = async (ctx: TenantContext, subject: AttemptSubject, now: Date): Promise<ThrottleState> => {
    const id = attemptsId(subject);
    const item = await getTenantItem(store, ctx, keys(ctx, id));
    const storedVersion = typeof item?.version === 'number' ? item.version : null;
    const attempts = item === null ? null : attemptsOf(item);
    // Past its expiry the count no longer counts, whether or not TTL has deleted the item yet.
    const fresh = attempts !== null && attempts.ttl * 1000 > now.getTime() ? attempts : null;
    return { ctx, id, subject, attempts: fresh, storedVersion };
  };

  const write = async (state: ThrottleState, now: Date): Promise<Attempts> => {
    const { ctx, id, subject } = state;
    const next = afterFailure(state.attempts, now);
    const entity = entityOf(id);
    const event = auditEvent(ctx, {
      action: next.lockedUntil === null ? 'login.failed' : 'login.locked',
      entity,
      entityVersion: (state.storedVersion ?? 0) + 1,
      before: null,
      // The login itself only when it could be one: a password typed in the wrong field stays out of the log.
      after: {
        login: /^[a-z0-9._@-]{3,64}$/.test(subject.login) ? subject.login : null,
        accountId: subject.accountId,
        failures: next.failures,
        lockedUntil: next.lockedUntil,
      },
    });
    const fields = { type: 'sign-in-attempts', ...next };
    const change =
      state.storedVersion === null ? putNew(entity, { ...keys(ctx, id), ...fields }) : updateIfVersion(entity, keys(ctx, id), state.storedVersion, fields);
    await commit(store, ctx, [change], [event]);
    return next;
  };

  return {
    read,

    /** Counts one failure; a concurrent one is re-read and counted on top. Returns the attempts now stored. */
    async recordFailure(state: ThrottleState, now: Date): Promise<Attempts> {
      let current = state;
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await write(current, now);
        } catch (error) {
          if (!(error instanceof ConflictError)) throw error;
          // Every try lost to another failure of the same login: refuse, rather than leave one uncounted.
          if (attempt === RECORD_TRIES) throw tooManyAttempts(FIRST_LOCK_SECONDS);
          current = await read(state.ctx, state.subject, now);
        }
      }
    },

    /** Forgets the failures after a success (audited `login.reset`); nothing to forget writes nothing. */
    async reset(state: ThrottleState): Promise<void> {
      if (state.attempts === null || state.storedVersion === null) return;
      const entity = entityOf(state.id);
      try {
        await commit(
          store,
          state.ctx,
          [deleteIfVersion(entity, keys(state.ctx, state.id), state.storedVersion)],
          [auditEvent(state.ctx, { action: 'login.reset', entity, entityVersion: state.storedVersion + 1, before: { failures: state.attempts.failures }, after: null })],
        );
      } catch (error) {
        // A failure counted meanwhile stays counted: the password was right this time, which it does not undo.
        if (!(error instanceof ConflictError)) throw error;
      }
    },
  };
}

const AttemptsSchema = z.object({
  failures: z.int().min(0),
  firstFailureAt: z.iso.datetime(),
  locks: z.int().min(0),
  lockedUntil: z.iso.datetime().nullable(),
  ttl: z.number(),
});

// An item that does not parse counts as none: the next failure overwrites it (at its version).
function attemptsOf(item: Record<string, unknown>): Attempts | null {
  const parsed = AttemptsSchema.safeParse(item);
  return parsed.success ? parsed.data : null;
}

function epochSeconds(ms: number): number {
  return Math.ceil(ms / 1000);
}
