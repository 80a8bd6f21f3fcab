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
      // Evidence is what a recognised level rests on: an overwrite or a delete must stay recoverable.
      versioned: true,
      lifecycleRules: [
        // Abandoned uploads from flaky school connections would otherwise be stored (and billed) forever.
        { id: 'abort-incomplete-multipart-uploads', abortIncompleteMultipartUploadAfter: Duration.days(7) },
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
