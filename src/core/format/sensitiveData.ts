// Which event data is never shown, wherever it appears (request headers, query, frame variables): Sentry's default
// data scrubbing rules, applied again here because a server may have them off and the local Sentry has none.

/** Shown instead of a scrubbed value, as Sentry does. */
export const filteredValue = '[Filtered]';

// Sentry's default sensitive field names (password, secret, passwd, api_key, apikey, auth, credentials, mysql_pwd,
// privatekey, private_key, token, session) plus the request headers and cookies that carry credentials.
const sensitiveKey =
  /^(cookie|set-cookie|authorization|proxy-authorization)$|token|secret|passw|pwd|api[-_]?key|auth|credential|private[-_]?key|session|csrf|xsrf|signature/i;

/** A key whose value is a credential or a secret, whatever the value looks like. */
export function isSensitiveKey(key: string): boolean {
  return sensitiveKey.test(key);
}

// 13 to 19 digits, optionally grouped by spaces or dashes: the shape of a payment card number.
const cardLike = /(?:\d[ -]?){12,18}\d/g;

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

/** Sentry's default `@creditcard` rule: a value holding a card number (checked with Luhn) is replaced whole. */
export function holdsCardNumber(text: string): boolean {
  for (const match of text.matchAll(cardLike)) {
    if (passesLuhn(match[0].replace(/[ -]/g, ''))) return true;
  }
  return false;
}
