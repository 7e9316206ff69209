// Decides which hosts may receive the auth token: the configured one, and for sentry.io its own region hosts.

/** True for sentry.io and its region hosts (us.sentry.io, de.sentry.io), whatever the scheme. */
export function isSentryIo(url: string | URL): boolean {
  let host: string;
  try {
    host = (typeof url === 'string' ? new URL(url) : url).hostname;
  } catch {
    return false;
  }
  return host === 'sentry.io' || host.endsWith('.sentry.io');
}

function sentryIoFamily(url: URL): boolean {
  return url.protocol === 'https:' && isSentryIo(url);
}

/**
 * True when a request to `candidate` may carry the token configured for `configured`. Only the exact origin qualifies,
 * except that a token for sentry.io also serves sentry.io's regions (us.sentry.io, de.sentry.io), which is where an
 * organization's `links.regionUrl` points. A host taken from response data never qualifies otherwise.
 */
export function mayCarryToken(configured: string, candidate: string): boolean {
  let from: URL;
  let to: URL;
  try {
    from = new URL(configured);
    to = new URL(candidate);
  } catch {
    return false;
  }
  if (from.origin === to.origin) return true;
  return sentryIoFamily(from) && sentryIoFamily(to) && to.port === '';
}
