import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { RemovalPolicy } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';

export interface WebHostingProps {
  production: boolean;
  /** The HTTP API's host name; CloudFront sends /api/* there. */
  apiDomainName: string;
  /** The built web app (web/dist); skipped while it has no index.html, so synth works before the web app exists. */
  webDistDir: string;
}

/**
 * The web app and the API on one origin: CloudFront serves the built app from a private bucket and
 * passes /api/* to the HTTP API. One origin means no CORS between the app and its API, and cookies or
 * tokens never leave it.
 */
export class WebHosting extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  /** `https://<distribution domain>`: the origin browsers see. */
  readonly origin: string;
  /** False when web/dist was absent at synth: the bucket stays empty until the next deploy with a build. */
  readonly deploysWebApp: boolean;

  constructor(scope: Construct, id: string, props: WebHostingProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      // The contents are a build output, reproducible from git; only prod keeps the bucket on stack deletion.
      removalPolicy: props.production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      autoDeleteObjects: !props.production,
    });

    // Client-side routes (/campaigns/42) have no file: answer them with the app's index.html. Done here and
    // not with the distribution's error responses, which would also turn the API's own 403/404s into HTML.
    const spaRoutes = new CloudFrontFunction(this, 'SpaRoutes', {
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Serves index.html for paths without a file extension',
      code: FunctionCode.fromInline(
        [
          'function handler(event) {',
          '  var request = event.request;',
          "  var last = request.uri.substring(request.uri.lastIndexOf('/') + 1);",
          "  if (last.indexOf('.') === -1) request.uri = '/index.html';",
          '  return request;',
          '}',
        ].join('\n'),
      ),
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Chỉ số web app and API',
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Includes the edge locations in Hà Nội and TP. Hồ Chí Minh, without paying for South America's.
      priceClass: PriceClass.PRICE_CLASS_200,
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: ResponseHeadersPolicy.SECURITY_HEADERS,
        functionAssociations: [{ function: spaRoutes, eventType: FunctionEventType.VIEWER_REQUEST }],
        compress: true,
      },
      additionalBehaviors: {
        '/api/*': {
          origin: new HttpOrigin(props.apiDomainName, { protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY }),
          // A redirect would turn a POST into a GET; API clients must speak HTTPS from the start.
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          // Answers depend on the caller; nothing under /api may be served from a cache.
          cachePolicy: CachePolicy.CACHING_DISABLED,
          // Every header (Authorization included, which CloudFront allows with caching disabled), cookie and
          // query string, but not Host: API Gateway routes by its own host name.
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          compress: true,
        },
      },
    });
    this.origin = `https://${this.distribution.distributionDomainName}`;

    this.deploysWebApp = existsSync(join(props.webDistDir, 'index.html'));
    if (this.deploysWebApp) this.deployWebApp(props.webDistDir);
  }

  private deployWebApp(webDistDir: string): void {
    // Vite's hashed files never change under one name: cache them for a year, and never prune them, so a
    // browser still holding the previous index.html can load what it references. Created first: the
    // deployments share one handler, whose CLI layer belongs to the first, and the app depends on this one.
    const assetsDir = join(webDistDir, 'assets');
    const assets = existsSync(assetsDir)
      ? new BucketDeployment(this, 'DeployAssets', {
          sources: [Source.asset(assetsDir)],
          destinationBucket: this.bucket,
          destinationKeyPrefix: 'assets/',
          prune: false,
          cacheControl: [CacheControl.fromString('public, max-age=31536000, immutable')],
          memoryLimit: 512,
        })
      : undefined;
    // Everything else (index.html above all) is revalidated on every load, and invalidated at the edge.
    const app = new BucketDeployment(this, 'DeployApp', {
      sources: [Source.asset(webDistDir, { exclude: ['assets/**'] })],
      destinationBucket: this.bucket,
      // Keeps pruning away from the hashed files, which the other deployment owns.
      exclude: ['assets/*'],
      cacheControl: [CacheControl.fromString('public, max-age=0, must-revalidate')],
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 512,
    });
    // The new index.html must not go live before the files it references.
    if (assets) app.node.addDependency(assets);
  }
}
