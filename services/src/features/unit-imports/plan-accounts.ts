import { UNIT_KIND_LABELS, type UnitKind } from '@chiso/criteria';
import { ROLE_LABELS, type Role, isOfficeKind, roleFitsUnit } from '../../auth/roles.ts';
import { normalizeLogin } from '../accounts/repository.ts';
import type { Field } from './columns.ts';
import type { Entry, LoginOwner } from './plan.ts';

type Fail = (entry: Entry, field: Field, code: string, vi: string, en: string) => void;

/**
 * Plans the account of each row that names a login: its role (by default the head of a school, the
 * admin of an office) must fit the unit; its login and email must be free in the tenant and in the
 * file, unless they belong to the account already at home in this very unit, which stays as it is.
 * Province roles never fit an imported unit (the Sở is never imported), so an import hands out only
 * roles an office admin may grant, as the accounts feature allows.
 */
export function planAccounts(entries: Entry[], owners: ReadonlyMap<string, LoginOwner>, newId: () => string, fail: Fail): void {
  const claimed = new Map<string, Entry>();
  for (const entry of entries) {
    const { account } = entry.source;
    const kind: UnitKind | null = entry.source.kind;
    if (account === null || kind === null) continue;
    const role: Role = account.role ?? (isOfficeKind(kind) ? 'office-admin' : 'school-head');
    if (!roleFitsUnit(role, kind)) {
      const label = ROLE_LABELS[role];
      fail(entry, 'role', 'role-unfit', `Vai trò “${label.vi}” không cấp được tại ${UNIT_KIND_LABELS[kind].vi}`, `Role "${label.en}" cannot be granted at a unit of kind ${kind}`);
    }
    const names: { field: Field; key: string; text: string }[] = [{ field: 'login', key: normalizeLogin(account.login), text: account.login }];
    if (account.email !== null && normalizeLogin(account.email) !== names[0]?.key) {
      names.push({ field: 'email', key: normalizeLogin(account.email), text: account.email });
    }
    let clash = false;
    for (const { field, key, text } of names) {
      const first = claimed.get(key);
      if (first !== undefined) {
        fail(entry, field, 'duplicate-login', `“${text}” đã dùng ở dòng ${first.source.row} (tên đăng nhập và email là duy nhất)`, `"${text}" is already used on row ${first.source.row} (logins and emails are unique)`);
        clash = true;
      } else {
        claimed.set(key, entry);
      }
    }
    const target = entry.target;
    if (clash || target === null) continue;
    // The account of this very unit, imported before: left as it is. Any other owner is a clash.
    const loginOwner = owners.get(names[0]?.key ?? '');
    const sameAccount = loginOwner !== undefined && 'existing' in target && loginOwner.homeUnitId === target.existing.id;
    if (loginOwner !== undefined && !sameAccount) {
      fail(entry, 'login', 'login-taken', `Tên đăng nhập “${account.login}” đã thuộc một tài khoản khác`, `Login "${account.login}" belongs to another account`);
      continue;
    }
    const emailName = names[1];
    const emailOwner = emailName === undefined ? undefined : owners.get(emailName.key);
    if (emailName !== undefined && emailOwner !== undefined && emailOwner.accountId !== loginOwner?.accountId) {
      fail(entry, 'email', 'email-taken', `Email “${emailName.text}” đã thuộc một tài khoản khác`, `Email "${emailName.text}" belongs to another account`);
      continue;
    }
    entry.account = loginOwner !== undefined
      ? { action: 'unchanged', id: loginOwner.accountId, login: account.login, name: account.name, email: account.email, role }
      : { action: 'create', id: newId(), login: account.login, name: account.name, email: account.email, role };
  }
}
