// What counts as sensitive in event data, after the defaults of Sentry's server-side data scrubbing (Relay's
// `@password` key rule and its `@creditcard`, `@pemkey`, `@urlauth`, `@email` and `@bearer` value rules): the one
// place that says it, for the local server's ingest and for every view.

/** Sentry's replacement text for a filtered value. */
export const FILTERED = '[Filtered]';

/** Relay's default sensitive key names, plus the session, cookie and CSRF names Sentry's scrubber also treats so. */
const SENSITIVE_KEY =
  /password|secret|passwd|api[-_]?key|apikey|auth|credentials|mysql_pwd|private[-_]?key|privatekey|token|otp|two[-_]factor|session|cookie|csrf|xsrf|signature/i;

export interface ScrubOptions {
  /** Further key names to treat as sensitive (case-insensitive substrings), like Sentry's "Additional Sensitive Fields". */
  readonly extraSensitiveKeys?: readonly string[];
  /** Key names never treated as sensitive by name, like Sentry's "Safe Fields". */
  readonly safeKeys?: readonly string[];
  /** Keep client IP addresses (Sentry's "Prevent Storing of IP Addresses" turned off). */
  readonly keepIpAddresses?: boolean;
}

/** Scrubbing as configured for the local server: on unless `enabled` is false. */
export interface ScrubbingSettings extends ScrubOptions {
  readonly enabled?: boolean;
}

/** Verdicts under the default rules (no extra or safe keys), by key: an event's keys repeat in every frame and event. */
const defaultVerdicts = new Map<string, boolean>();
const MAX_DEFAULT_VERDICTS = 4_096;

export function isSensitiveKey(key: string, options: ScrubOptions = {}): boolean {
  if (!options.safeKeys?.length && !options.extraSensitiveKeys?.length) {
    let sensitive = defaultVerdicts.get(key);
    if (sensitive === undefined) {
      sensitive = SENSITIVE_KEY.test(key);
      if (defaultVerdicts.size >= MAX_DEFAULT_VERDICTS) defaultVerdicts.clear();
      defaultVerdicts.set(key, sensitive);
    }
    return sensitive;
  }
  const lower = key.toLowerCase();
  if (options.safeKeys?.some((safe) => safe.toLowerCase() === lower)) return false;
  return (
    SENSITIVE_KEY.test(key) ||
    (options.extraSensitiveKeys?.some((extra) => extra !== '' && lower.includes(extra.toLowerCase())) ?? false)
  );
}

const BEARER = /\b(Bearer|Basic|Token)\s+[A-Za-z0-9._~+/=-]{8,}/gi;
const PEM_KEY = /-----BEGIN[A-Z ]*PRIVATE KEY-----[\s\S]*?-----END[A-Z ]*PRIVATE KEY-----/g;
const URL_AUTH = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@:]+(?::[^\s/@]*)?@/gi;
const EMAIL = /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/g;
/** 13 to 19 digits, optionally grouped by spaces or dashes; kept only when the Luhn check passes. */
const CARD_CANDIDATE = /\b\d(?:[ -]?\d){12,18}\b/g;

/**
 * What every pattern above needs somewhere in the text (an `@`, a key's header, a scheme word before a space, 13 digits):
 * most texts have none of it and are then returned after one search instead of five replacements.
 */
const ANY_PATTERN = /@|-----BEGIN|(?:Bearer|Basic|Token)\s|\d(?:[ -]?\d){12}/i;

/** The text with credentials, card numbers, private keys and e-mail addresses inside it replaced by `[Filtered]`. */
export function scrubText(text: string): string {
  if (text.length < 8 || !ANY_PATTERN.test(text)) return text;
  return text
    .replace(PEM_KEY, FILTERED)
    .replace(BEARER, (_match, scheme: string) => `${scheme} ${FILTERED}`)
    .replace(URL_AUTH, (_match, scheme: string) => `${scheme}${FILTERED}@`)
    .replace(EMAIL, FILTERED)
    .replace(CARD_CANDIDATE, (digits) => (passesLuhn(digits.replace(/[ -]/g, '')) ? FILTERED : digits));
}

/** A URL with the values of its query parameters filtered: every value, or only those under sensitive names. */
export function scrubUrl(url: string, options: ScrubOptions & { allQueryValues: boolean }): string {
  const at = url.indexOf('?');
  const base = scrubText(at < 0 ? url : url.slice(0, at));
  if (at < 0) return base;
  const hashAt = url.indexOf('#', at);
  const query = url.slice(at + 1, hashAt < 0 ? undefined : hashAt);
  const parts = query.split('&').map((part) => {
    const equals = part.indexOf('=');
    if (equals < 0) return part;
    const key = part.slice(0, equals);
    const sensitive = options.allQueryValues || isSensitiveKey(safeDecode(key), options);
    return sensitive ? `${key}=${FILTERED}` : `${key}=${scrubText(part.slice(equals + 1))}`;
  });
  return `${base}?${parts.join('&')}${hashAt < 0 ? '' : `#${scrubText(url.slice(hashAt + 1))}`}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}
