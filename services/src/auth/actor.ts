/**
 * Who acted, as recorded in audit events. Accounts join with the account model; until then the only
 * actor is the platform's system admin.
 */
export type Actor = { kind: 'system-admin' } | { kind: 'account'; accountId: string };
