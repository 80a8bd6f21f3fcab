// Format checks for answers. Written by hand because the core must run in browsers and Node alike
// without the URL global being part of its declared environment.

const URL_PATTERN = /^https?:\/\/[^\s/?#:@]+(?:\.[^\s/?#:@]+)*(?::\d{1,5})?(?:[/?#][^\s]*)?$/i;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;
const PHONE_PATTERN = /^\+?[0-9][0-9 .()-]{6,20}[0-9]$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** An http(s) address with a host; what a link to evidence or a learning material must be. */
export function isWebAddress(value: string): boolean {
  return value.length <= 2048 && URL_PATTERN.test(value);
}

export function isEmail(value: string): boolean {
  return value.length <= 254 && EMAIL_PATTERN.test(value);
}

/** Vietnamese numbers are written with spaces or dots between groups; 8 to 15 digits in all. */
export function isPhone(value: string): boolean {
  if (!PHONE_PATTERN.test(value)) return false;
  const digits = value.replace(/\D/g, '').length;
  return digits >= 8 && digits <= 15;
}

/** The number the ASCII digits of `value` from `start` to `end` write, or -1 when one is not a digit. */
function digitsAt(value: string, start: number, end: number): number {
  let number = 0;
  for (let at = start; at < end; at += 1) {
    const digit = value.charCodeAt(at) - 48;
    if (digit < 0 || digit > 9) return -1;
    number = number * 10 + digit;
  }
  return number;
}

/**
 * A calendar date written YYYY-MM-DD that exists (no 30 February). Read by hand, as
 * /^(\d{4})-(\d{2})-(\d{2})$/ would: every document answer has a date, and a match allocates.
 */
export function isCalendarDate(value: string): boolean {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 7);
  const day = digitsAt(value, 8, 10);
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0));
}

/** Digits after the decimal point of a finite number as written in JSON (1e-7 has 7). */
export function decimalsOf(value: number): number {
  const written = String(value);
  const exponent = /e-(\d+)$/.exec(written);
  if (exponent) {
    const mantissa = written.slice(0, exponent.index);
    const dot = mantissa.indexOf('.');
    return Number(exponent[1]) + (dot === -1 ? 0 : mantissa.length - dot - 1);
  }
  const dot = written.indexOf('.');
  return dot === -1 ? 0 : written.length - dot - 1;
}
