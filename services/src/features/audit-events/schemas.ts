import * as z from 'zod';
import { PageQuerySchema, pageOf } from '../../http/paging.ts';
import { bilingual } from '../../validation/parse-bilingual.ts';

const EntityTypeSchema = z.enum(['tenant', 'criteria-set', 'criteria-version', 'unit', 'account', 'grant', 'login', 'campaign', 'submission']);

/** One state change as the audit log shows it: who, when, what, before → after (changed fields only). */
export const AuditEventSchema = z
  .object({
    id: z.string(),
    at: z.iso.datetime(),
    tenantId: z.string(),
    actor: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('system-admin') }),
      z.object({
        kind: z.literal('account'),
        accountId: z.string(),
        name: z.string().optional().meta({ description: 'Họ tên hiện tại của tài khoản, khi đọc / The account’s name now, read with the event' }),
      }),
      z.object({ kind: z.literal('anonymous') }),
    ]),
    action: z.string().meta({ examples: ['tenant.updated'] }),
    entity: z.object({ type: EntityTypeSchema, id: z.string() }),
    entityVersion: z.int().min(1),
    before: z.record(z.string(), z.unknown()).nullable(),
    after: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'AuditEvent' });

export type AuditEventView = z.output<typeof AuditEventSchema>;

export const AuditEventPageSchema = pageOf(AuditEventSchema, 'AuditEventPage');

/** Without an entity: the whole tenant's log by time; with one: that entity's history. */
export const AuditQuerySchema = PageQuerySchema.extend({
  entityType: EntityTypeSchema.optional(),
  // '#' separates key parts: an id holding one could never name a real entity.
  entityId: z.string().min(1).max(200).regex(/^[^#]+$/).optional(),
}).refine(
  (query) => (query.entityType === undefined) === (query.entityId === undefined),
  bilingual('entityType và entityId phải đi cùng nhau', 'entityType and entityId go together'),
);
