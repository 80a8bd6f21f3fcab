/** Who acted, as recorded in audit events: the platform's system admin, a signed-in account, or (sign-in attempts) no one yet. */
export type Actor =
  | { kind: 'system-admin' }
  | { kind: 'account'; accountId: string }
  // Someone at the sign-in form, not yet signed in: what counts failed attempts.
  | { kind: 'anonymous' };
