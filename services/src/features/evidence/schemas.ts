import * as z from 'zod';
import { bilingual } from '../../validation/parse-bilingual.ts';
import { CriteriaPinSchema, EvidenceItemSchema, SubmissionParamsSchema, SubmissionViewSchema } from '../submissions/schemas.ts';

const KeySchema = z.string().min(1).max(64);

export const UploadIdSchema = z
  .string()
  .regex(/^[a-z0-9]{8,40}$/)
  .meta({ description: 'Mã lượt tải lên, do máy chủ cấp / The upload id the server gave', examples: ['k3v9x2mqa7bd'] });

export const Sha256Schema = z
  .string()
  .regex(/^[0-9a-fA-F]{64}$/, bilingual('Phải là SHA-256 dạng hex (64 ký tự)', 'Must be a hex SHA-256 (64 characters)'))
  .transform((hex) => hex.toLowerCase())
  .meta({ description: 'SHA-256 của nội dung tệp, dạng hex / The hex SHA-256 of the file’s bytes' });

// What a name may not hold: path separators, and control or bidirectional-override characters that disguise an extension.
const UNSAFE_NAME = /[\\/\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;
export const FileNameSchema = z
  .string()
  .trim()
  .normalize('NFC')
  .min(1)
  .max(200)
  .refine((name) => !UNSAFE_NAME.test(name), bilingual('Tên tệp không được chứa / \\ hay ký tự điều khiển', 'A file name may not hold / \\ or control characters'))
  .meta({ examples: ['Ke-hoach-day-hoc-truc-tuyen.pdf'] });

/** What the browser says about the file it is about to send; type and size are checked here (415, 413), the bytes later. */
const fileFacts = {
  criterionId: KeySchema,
  slotId: KeySchema,
  name: FileNameSchema,
  contentType: z.string().min(1).max(200).meta({ examples: ['application/pdf'] }),
  size: z.int().min(1).meta({ description: 'Số byte / Bytes' }),
  sha256: Sha256Schema,
};

export const RequestUploadSchema = z.strictObject(fileFacts).meta({ id: 'EvidenceUploadRequest' });
export type RequestUpload = z.output<typeof RequestUploadSchema>;

export const PresignedRequestSchema = z
  .object({
    method: z.enum(['PUT', 'GET']),
    url: z.string().meta({ description: 'Tuyệt đối (S3) hoặc tương đối với API (/api/…) / Absolute (S3) or relative to the API (/api/…)' }),
    headers: z.record(z.string(), z.string()).meta({ description: 'Gửi đúng các header này / Send exactly these headers' }),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'PresignedRequest' });

export const UploadTicketSchema = z
  .object({
    uploadId: UploadIdSchema,
    upload: PresignedRequestSchema,
    maxBytes: z.int(),
  })
  .meta({ id: 'EvidenceUploadTicket' });
export type UploadTicket = z.output<typeof UploadTicketSchema>;

export const AttachFileSchema = z.strictObject({ version: z.int().min(1), uploadId: UploadIdSchema, ...fileFacts }).meta({ id: 'AttachEvidenceFile' });
export type AttachFile = z.output<typeof AttachFileSchema>;

export const RemoveFileSchema = z.strictObject({ version: z.int().min(1) }).meta({ id: 'RemoveEvidenceFile' });

export const FileParamsSchema = SubmissionParamsSchema.extend({ evidenceId: z.string().regex(/^[a-z0-9]{1,40}$/) });

export const AttachedFileSchema = z
  .object({ criterionId: z.string(), slotId: z.string(), item: EvidenceItemSchema, submission: SubmissionViewSchema })
  .meta({ id: 'AttachedEvidenceFile' });

export const FileDownloadSchema = z
  .object({
    download: PresignedRequestSchema,
    name: z.string(),
    contentType: z.string(),
    size: z.int(),
    sha256: z.string(),
  })
  .meta({ id: 'EvidenceFileDownload' });
export type FileDownload = z.output<typeof FileDownloadSchema>;

export const ObjectParamsSchema = z.object({ token: z.string().min(1).max(4_100) });

export const StoredObjectSchema = z.object({ size: z.int(), sha256: z.string() }).meta({ id: 'StoredEvidenceObject' });

/** One link's check, as the report and the catalogue show it. */
export const LinkOutcomeSchema = z
  .enum(['ok', 'error-status', 'unreachable', 'timeout', 'blocked', 'not-checked'])
  .meta({
    id: 'LinkOutcome',
    description:
      'ok: trả lời 2xx/3xx; error-status: trả mã lỗi 4xx/5xx; unreachable: không kết nối được; timeout: quá thời gian chờ; blocked: địa chỉ không được phép kiểm tra; ' +
      'not-checked: hết thời gian của lượt kiểm tra / answered 2xx/3xx; answered 4xx/5xx; could not connect; took too long; an address that may not be checked; the run ran out of time',
  });
export type LinkOutcome = z.output<typeof LinkOutcomeSchema>;

export const LinkCheckSchema = z
  .object({
    evidenceId: z.string(),
    criterionId: z.string(),
    slotId: z.string(),
    url: z.string(),
    outcome: LinkOutcomeSchema,
    status: z.int().nullable(),
    finalUrl: z.string().nullable(),
    redirects: z.int(),
    reason: z.string().nullable(),
    message: z.string(),
    messageEn: z.string(),
    checkedAt: z.iso.datetime(),
    durationMs: z.int(),
  })
  .meta({ id: 'LinkCheck' });
export type LinkCheck = z.output<typeof LinkCheckSchema>;

export const LinkReportSchema = z
  .object({
    campaignId: z.string(),
    unitId: z.string(),
    checkedAt: z.iso.datetime(),
    checkedBy: z.string(),
    complete: z.boolean().meta({ description: 'false: còn liên kết chưa kiểm tra (not-checked) / some links were not checked' }),
    counts: z.record(LinkOutcomeSchema, z.int()),
    links: z.array(LinkCheckSchema),
  })
  .meta({ id: 'LinkReport' });
export type LinkReport = z.output<typeof LinkReportSchema>;

const LastCheckSchema = LinkCheckSchema.pick({ outcome: true, status: true, message: true, messageEn: true, checkedAt: true });

export const CatalogueItemSchema = z
  .discriminatedUnion('kind', [
    z.object({ id: z.string(), kind: z.literal('link'), url: z.string(), label: z.string(), addedAt: z.iso.datetime(), addedBy: z.string(), lastCheck: LastCheckSchema.nullable() }),
    z.object({
      id: z.string(),
      kind: z.literal('file'),
      name: z.string(),
      size: z.int(),
      contentType: z.string(),
      sha256: z.string(),
      addedAt: z.iso.datetime(),
      addedBy: z.string(),
      downloadPath: z.string().meta({ description: 'GET: cấp đường dẫn tải xuống / answers a download URL' }),
    }),
  ])
  .meta({ id: 'CatalogueItem' });
export type CatalogueItem = z.output<typeof CatalogueItemSchema>;

const TextSchema = z.object({ vi: z.string(), en: z.string().nullable() });

export const CatalogueSlotSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['link', 'file', 'document']),
    label: TextSchema,
    guidance: TextSchema.nullable(),
    required: z.boolean().meta({ description: 'Bắt buộc với các câu trả lời hiện tại / Required given the current answers' }),
    missing: z.boolean().meta({ description: 'Bắt buộc mà chưa có minh chứng / Required and still empty' }),
    acceptsFiles: z.boolean(),
    items: z.array(CatalogueItemSchema),
  })
  .meta({ id: 'CatalogueSlot' });

export const CatalogueSchema = z
  .object({
    campaignId: z.string(),
    unitId: z.string(),
    definition: CriteriaPinSchema,
    counts: z.object({ links: z.int(), files: z.int(), fileBytes: z.int(), missingSlots: z.int() }),
    linkCheck: z.object({ checkedAt: z.iso.datetime(), checkedBy: z.string(), complete: z.boolean() }).nullable(),
    criteria: z.array(
      z.object({
        groupId: z.string(),
        criterionId: z.string(),
        title: TextSchema,
        guidance: TextSchema.nullable(),
        slots: z.array(CatalogueSlotSchema),
      }),
    ),
  })
  .meta({ id: 'EvidenceCatalogue' });
export type Catalogue = z.output<typeof CatalogueSchema>;
