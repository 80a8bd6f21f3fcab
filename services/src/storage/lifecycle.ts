/**
 * How evidence objects that no submission names are cleaned up. An upload is stored `pending`; attaching
 * it marks it `attached`; removing its evidence marks it `pending` again before deleting it. Pending
 * objects older than the retention go: on the local disk by the API's own sweep (storage/pending-sweep.ts),
 * on S3 by the bucket's lifecycle rule (infra/src/evidence-bucket.ts), which reads these same names.
 * Plain data, no imports: the CDK app reads it too.
 */
export const EVIDENCE_STATE_TAG = {
  /** The object tag (S3) or metadata field (local disk) that holds the state. */
  key: 'chiso-evidence',
  pending: 'pending',
  attached: 'attached',
} as const;

export type EvidenceState = typeof EVIDENCE_STATE_TAG.pending | typeof EVIDENCE_STATE_TAG.attached;

/** On S3, pending objects expire after this many days (lifecycle rules count whole days). */
export const PENDING_EXPIRY_DAYS = 1;

/**
 * On S3, a version no longer current (evidence removed, an expired pending upload) stays this many days,
 * so that a file removed by mistake can still be recovered, and then goes for good.
 */
export const NONCURRENT_EXPIRY_DAYS = 30;

/** The local sweep's default: uploads not attached within a day go. */
export const DEFAULT_PENDING_RETENTION_HOURS = PENDING_EXPIRY_DAYS * 24;
