/** How large an uploaded file may be: a few thousand rows fit in well under 1 MB; Lambda caps requests at 6 MB. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Data rows (besides the header) in one file: more than any province has units. */
export const MAX_ROWS = 10_000;

/** What an XLSX may unpack to: a zip of a few MB that expands to gigabytes is refused before it is opened. */
export const MAX_XLSX_UNPACKED_BYTES = 80 * 1024 * 1024;

/** Rows processed by one apply call, so that every request stays short (Lambda) and reports progress. */
export const ROWS_PER_APPLY = 500;

/** New accounts per apply call: hashing their passwords is the slow part. */
export const ACCOUNTS_PER_APPLY = 20;

/** Errors listed in a dry run; the count is always exact. */
export const MAX_LISTED_ERRORS = 5_000;

/** The path of the upload, which alone may carry a body above the API's JSON limit (app.ts). */
export const UPLOAD_PATH = '/api/unit-imports';
