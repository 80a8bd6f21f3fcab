import { EVIDENCE_STATE_TAG, NONCURRENT_EXPIRY_DAYS, PENDING_EXPIRY_DAYS } from '@chiso/services/storage-lifecycle';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface EvidenceBucketProps {
  production: boolean;
  /** Browser origins that upload with presigned PUTs (the web app's CloudFront origin, and any dev server). */
  allowedOrigins: string[];
}

/**
 * The schools' evidence files (photos, scans, documents). Private: browsers reach objects only through
 * URLs the API presigns after its own scope check.
 */
export class EvidenceBucket extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, { production, allowedOrigins }: EvidenceBucketProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      // SSE-S3, not KMS: a presigned PUT then needs no kms:GenerateDataKey on the signer's role.
      encryption: BucketEncryption.S3_MANAGED,
      // Evidence is what a recognised level rests on: an overwrite or a delete must stay recoverable (for a while, below).
      versioned: true,
      lifecycleRules: [
        // Abandoned uploads from flaky school connections would otherwise be stored (and billed) forever.
        { id: 'abort-incomplete-multipart-uploads', abortIncompleteMultipartUploadAfter: Duration.days(7) },
        // Every upload is written tagged pending and tagged attached when a submission takes it; removing the
        // evidence tags it pending again. What stays pending (never attached, or removed) expires.
        {
          id: 'expire-unattached-uploads',
          tagFilters: { [EVIDENCE_STATE_TAG.key]: EVIDENCE_STATE_TAG.pending },
          expiration: Duration.days(PENDING_EXPIRY_DAYS),
        },
        // Upload keys are never reused, so an old version is always a deleted file: kept long enough to undo a
        // mistake, then gone, with the delete marker left behind.
        { id: 'forget-deleted-files', noncurrentVersionExpiration: Duration.days(NONCURRENT_EXPIRY_DAYS), expiredObjectDeleteMarker: true },
      ],
      cors: [
        {
          allowedOrigins,
          allowedMethods: [HttpMethods.PUT, HttpMethods.GET, HttpMethods.HEAD],
          // The presigned signature decides what is allowed; the browser adds Content-Type and checksum headers.
          allowedHeaders: ['*'],
          // Multipart uploads read each part's ETag.
          exposedHeaders: ['ETag'],
          maxAge: 3000,
        },
      ],
      removalPolicy: production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      // Only in dev: lets `cdk destroy` remove a bucket that still holds test uploads.
      autoDeleteObjects: !production,
    });
  }
}
