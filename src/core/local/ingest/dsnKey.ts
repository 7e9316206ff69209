// The DSN public key of an ingest request: `X-Sentry-Auth`, the `sentry_key` query parameter, or the envelope's `dsn`.

/** `Sentry sentry_key=abc, sentry_version=7, sentry_client=…` (also in `Authorization`) → `abc`. */
export function keyFromAuthHeader(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /(?:^|[\s,])sentry_key\s*=\s*([^,\s]+)/i.exec(header);
  return match?.[1] || undefined;
}

/** The public key of a DSN URL (`http://<key>@host/<project>`), for envelopes sent through a tunnel. */
export function keyFromDsn(dsn: unknown): string | undefined {
  if (typeof dsn !== 'string') return undefined;
  try {
    return new URL(dsn).username || undefined;
  } catch {
    return undefined;
  }
}

export function dsnKeyOf(
  headers: { 'x-sentry-auth'?: string | string[]; authorization?: string },
  query: URLSearchParams,
): string | undefined {
  const auth = headers['x-sentry-auth'];
  const fromHeader = keyFromAuthHeader(Array.isArray(auth) ? auth[0] : auth);
  const fromAuthorization = headers.authorization?.startsWith('Sentry ')
    ? keyFromAuthHeader(headers.authorization)
    : undefined;
  return fromHeader ?? fromAuthorization ?? (query.get('sentry_key') || undefined);
}
