import { join } from 'node:path';
import type { Config } from '../../config/env.ts';
import { LocalDiskStorage } from '../../storage/local-disk.ts';
import type { ObjectStorage } from '../../storage/object-storage.ts';
import { s3Storage } from '../../storage/s3.ts';
import { OBJECTS_URL_PREFIX } from './limits.ts';

/** The evidence storage of a deployment: the S3 bucket EVIDENCE_BUCKET names, else DATA_DIR/evidence (git-ignored). */
export function evidenceStorageFor(config: Config): ObjectStorage {
  if (config.evidenceBucket !== null) return s3Storage({ bucket: config.evidenceBucket });
  return new LocalDiskStorage({ root: join(config.dataDir, 'evidence'), secret: config.jwtSecret, urlPrefix: OBJECTS_URL_PREFIX });
}
