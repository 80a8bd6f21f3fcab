/**
 * The domain's errors, raised by use cases and the data layer and turned into HTTP responses in one
 * place (http/error-handler.ts). Each carries a stable code and a message in Vietnamese with an English twin.
 */

/** What an error or an audit event is about. `type` names the entity kind in the domain's words. */
export interface EntityRef {
  type: EntityType;
  id: string;
}

export type EntityType =
  | 'tenant'
  | 'criteria-set'
  | 'criteria-version'
  | 'unit'
  | 'unit-tree'
  | 'account'
  | 'grant'
  | 'login'
  | 'campaign'
  | 'submission'
  | 'evidence'
  | 'unit-import';

const LABELS: Record<EntityType, { vi: string; en: string }> = {
  tenant: { vi: 'Sở GDĐT (tenant)', en: 'tenant' },
  'criteria-set': { vi: 'bộ chỉ số', en: 'criteria set' },
  'criteria-version': { vi: 'phiên bản bộ chỉ số', en: 'criteria-set version' },
  unit: { vi: 'đơn vị', en: 'unit' },
  'unit-tree': { vi: 'cây đơn vị', en: 'unit tree' },
  account: { vi: 'tài khoản', en: 'account' },
  grant: { vi: 'quyền', en: 'role grant' },
  login: { vi: 'tên đăng nhập', en: 'login' },
  campaign: { vi: 'kỳ đánh giá', en: 'campaign' },
  submission: { vi: 'hồ sơ đánh giá', en: 'submission' },
  evidence: { vi: 'minh chứng', en: 'evidence' },
  'unit-import': { vi: 'lượt nhập danh sách đơn vị', en: 'unit import' },
};

/** A stale or clashing write: the caller must re-read and retry with `currentVersion`. */
export class ConflictError extends Error {
  readonly code: 'conflict' | 'already-exists';
  readonly messageVi: string;

  /**
   * @param reason `stale`: the expected version is not the stored one; `exists`: the item is already there;
   *   `missing`: the item disappeared (currentVersion null).
   */
  constructor(
    readonly entity: EntityRef,
    readonly currentVersion: number | null,
    readonly reason: 'stale' | 'exists' | 'missing',
  ) {
    const label = LABELS[entity.type];
    const exists = reason === 'exists';
    super(
      exists
        ? `The ${label.en} "${entity.id}" already exists`
        : `The ${label.en} "${entity.id}" was changed by someone else (current version: ${currentVersion ?? 'none'}); reload and try again`,
    );
    this.name = 'ConflictError';
    this.code = exists ? 'already-exists' : 'conflict';
    this.messageVi = exists
      ? `${capitalize(label.vi)} “${entity.id}” đã tồn tại`
      : `${capitalize(label.vi)} “${entity.id}” vừa được người khác thay đổi (phiên bản hiện tại: ${currentVersion ?? 'không có'}); hãy tải lại rồi thử lại`;
  }
}

/** The entity asked for does not exist (or is outside the caller's reach, which must look the same). */
export class NotFoundError extends Error {
  readonly messageVi: string;

  constructor(readonly entity: EntityRef) {
    const label = LABELS[entity.type];
    super(`The ${label.en} "${entity.id}" was not found`);
    this.name = 'NotFoundError';
    this.messageVi = `Không tìm thấy ${label.vi} “${entity.id}”`;
  }
}

/**
 * The caller can see the resource but its roles there do not allow the action (403). Outside every
 * grant's subtree the answer is a NotFoundError instead, so ids cannot be probed.
 */
export class ForbiddenError extends Error {
  readonly messageVi: string;

  constructor(readonly action: string) {
    super(`Your roles here do not allow this (${action})`);
    this.name = 'ForbiddenError';
    this.messageVi = `Vai trò của bạn tại đơn vị này không cho phép thao tác này (${action})`;
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Input that passed its schema but makes no sense here, e.g. a cursor from another listing. */
export class InvalidInputError extends Error {
  constructor(
    readonly path: string,
    readonly code: string,
    readonly messageVi: string,
    messageEn: string,
  ) {
    super(messageEn);
    this.name = 'InvalidInputError';
  }
}

/** One reason attached to an error, for people: where, and what is wrong there. */
export interface ErrorDetail {
  path: string;
  code: string;
  messageVi: string;
  messageEn: string;
}

/**
 * A request that is well formed but not allowed in the entity's present state (409): publishing a
 * version that has problems, retiring a draft, an illegal transition. `details` say why, one by one.
 */
export class StateConflictError extends Error {
  constructor(
    readonly code: string,
    readonly messageVi: string,
    messageEn: string,
    readonly details: ErrorDetail[] = [],
    readonly currentVersion: number | null = null,
  ) {
    super(messageEn);
    this.name = 'StateConflictError';
  }
}

/** Several reasons why input that passed its schema cannot be accepted (400), each with its path. */
export class InvalidInputsError extends Error {
  constructor(readonly details: ErrorDetail[]) {
    super('The request is invalid');
    this.name = 'InvalidInputsError';
  }
}
