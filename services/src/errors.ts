/**
 * The domain's errors, raised by use cases and the data layer and turned into HTTP responses in one
 * place (http/error-handler.ts). Each carries a stable code and a message in Vietnamese with an English twin.
 */

/** What an error or an audit event is about. `type` names the entity kind in the domain's words. */
export interface EntityRef {
  type: EntityType;
  id: string;
}

export type EntityType = 'tenant';

const LABELS: Record<EntityType, { vi: string; en: string }> = {
  tenant: { vi: 'Sở GDĐT (tenant)', en: 'tenant' },
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
