/** The largest evidence file: a scanned decision or a phone photo is a few MB; a long report with pictures, more. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** How long an upload URL works: long enough for 20 MB on a slow school connection to start and finish. */
export const UPLOAD_URL_SECONDS = 15 * 60;

/** How long a download URL works: the browser follows it at once. */
export const DOWNLOAD_URL_SECONDS = 5 * 60;

/** Where the API serves local presigned URLs (embedded mode); the token follows. */
export const OBJECTS_PATH = '/evidence-objects';

/** The same, as the app sees it (app.ts lets uploads to it past the 1 MB JSON limit). */
export const OBJECTS_URL_PREFIX = `/api${OBJECTS_PATH}/`;
