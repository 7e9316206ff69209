// CORS for browser SDKs on localhost pages: the page's origin is echoed back (never `*`), and preflights allow the
// headers Sentry's SDKs send.

const ALLOWED_METHODS = 'GET, POST, PUT, OPTIONS';
const EXPOSED_HEADERS = 'x-sentry-error, x-sentry-rate-limits, retry-after, link, x-hits, x-max-hits';
const DEFAULT_ALLOWED_HEADERS = 'content-type, content-encoding, x-sentry-auth, authorization, sentry-trace, baggage';

export function corsHeaders(origin: string): Record<string, string> {
  return { 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': EXPOSED_HEADERS, Vary: 'Origin' };
}

export function preflightHeaders(
  origin: string,
  requested: { headers?: string; privateNetwork?: string },
): Record<string, string> {
  const headers: Record<string, string> = {
    ...corsHeaders(origin),
    'Access-Control-Allow-Methods': ALLOWED_METHODS,
    // The page asked for these headers and its origin is allowed: echoing them keeps new SDK headers working.
    'Access-Control-Allow-Headers': requested.headers?.slice(0, 1000) || DEFAULT_ALLOWED_HEADERS,
    'Access-Control-Max-Age': '600',
  };
  if (requested.privateNetwork === 'true') headers['Access-Control-Allow-Private-Network'] = 'true';
  return headers;
}
