// Validates and normalizes a Sentry server URL: http(s) only, no credentials or query, no trailing `/` or `/api/0`.
import { err, ok, type Result } from '../result';

/** The normalized base URL, or a reason that never repeats credentials or query strings from the input. */
export function normalizeSentryUrl(raw: string): Result<string, string> {
  const text = raw.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return err('it is not an absolute URL (write it like https://sentry.example.com)');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return err(`it uses ${url.protocol} (only http and https are supported)`);
  if (url.username !== '' || url.password !== '')
    return err('it contains a user name or password (put the token in the token setting instead)');
  if (url.search !== '' || url.hash !== '')
    return err(`${describeUrl(url)} has a query or fragment, which a server URL cannot have`);
  return ok(url.origin + basePath(url.pathname));
}

/** Users paste the API root (`https://sentry.io/api/0/`) as often as the server root. */
function basePath(pathname: string): string {
  return pathname
    .replace(/\/+$/, '')
    .replace(/\/api\/0$/, '')
    .replace(/\/+$/, '');
}

/** Scheme, host and path only, so a message can name the URL without leaking what it should not. */
export function describeUrl(url: URL): string {
  return url.origin + url.pathname;
}
