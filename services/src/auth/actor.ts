/** Who acted, as recorded in audit events: the platform's system admin, or a signed-in account. */
export type Actor = { kind: 'system-admin' } | { kind: 'account'; accountId: string };
