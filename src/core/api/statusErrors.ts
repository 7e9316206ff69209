// Turns an unsuccessful HTTP answer into an ApiError whose message says what failed and what the user can do about it.
import { LOCAL_AUTH_CHALLENGE } from '../local/localRealm';
import { apiError, type ApiError } from './errors';

export interface RequestDescription {
  /** What the request is about, for messages: `the issues of project "shop"`, `issue SHOP-1A`. */
  readonly subject: string;
  /** The token scope this endpoint needs, named in 403 messages. */
  readonly scope: string;
  /** What a 404 means here: `organization "acme" or project "shop" was not found`. */
  readonly notFound: string;
}

const tokenPage = '/settings/account/api/auth-tokens/';

/** The `detail` (Sentry) or `message` (GlitchTip) of an error body, or a bare JSON string (Sentry's 429), clipped. */
export function errorDetail(body: string): string | undefined {
  let detail: unknown;
  try {
    const parsed: unknown = JSON.parse(body);
    detail =
      typeof parsed === 'string'
        ? parsed
        : ((parsed as { detail?: unknown; message?: unknown } | null)?.detail ??
          (parsed as { message?: unknown } | null)?.message);
  } catch {
    return undefined;
  }
  return typeof detail === 'string' && detail.trim() ? clip(detail.trim(), 200) : undefined;
}

function clip(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

/** Where a redirect points, as its origin only (the rest is the server's business); undefined when unreadable. */
function redirectOrigin(location: string | undefined, baseUrl: string): string | undefined {
  if (!location) return undefined;
  try {
    return new URL(location, baseUrl).origin;
  } catch {
    return undefined;
  }
}

/** What an error answer's headers add to its message. */
export interface AnswerHeaders {
  /** A redirect's `Location`. Redirects are never followed, so the token stays with its server. */
  readonly location?: string;
  /** The `WWW-Authenticate` challenge, which tells a local Sentry's 401 from Sentry's. */
  readonly challenge?: string;
}

export function errorForStatus(
  status: number,
  body: string,
  what: RequestDescription,
  baseUrl: string,
  request: string,
  headers: AnswerHeaders = {},
): ApiError {
  const { location, challenge } = headers;
  const detail = errorDetail(body);
  const said = detail ? ` Sentry said: "${detail}"` : '';
  const extra = { status, request };
  switch (true) {
    case status === 401 && challenge === LOCAL_AUTH_CHALLENGE:
      return apiError(
        'unauthorized',
        `The local Sentry at ${baseUrl} needs its own token for ${what.subject} (401), ` +
          `not a Sentry auth token: the one line of the local-api-token file beside its store. ` +
          `The editor finds it for its own local Sentry and for \`sentry-insight serve\` with its ` +
          `default store; for \`serve --store DIR\` run Sentry: ` +
          `Sign In with the server ${baseUrl} and the token in DIR/local-api-token (the CLI: ` +
          `SENTRY_AUTH_TOKEN).${detail ? ` The server said: "${detail}"` : ''}`,
        extra,
      );
    case status === 401:
      return apiError(
        'unauthorized',
        `Sentry at ${baseUrl} rejected the auth token (401): it is invalid, expired or revoked. ` +
          `Create a user auth token at ${baseUrl}${tokenPage} and set SENTRY_AUTH_TOKEN (or sign in ` +
          `again).${said}`,
        extra,
      );
    case status === 403:
      return apiError(
        'forbidden',
        `Sentry refused access to ${what.subject} (403): the auth token needs the scope ` +
          `${what.scope}, or your account lacks access to it. Create a token with org:read, ` +
          `project:read, event:read and event:write at ${baseUrl}${tokenPage}.${said}`,
        extra,
      );
    case status === 404 && looksLikeWebPage(body):
      // Sentry's API answers a 404 in JSON or with an empty body; a page saying "not found" comes from something else.
      return notSentryError(baseUrl, what.subject, status, request);
    case status === 404:
      return apiError(
        'notFound',
        `Sentry answered 404: ${what.notFound}. Check the organization and project slugs.${said}`,
        extra,
      );
    case status === 410:
      return apiError(
        'gone',
        `Sentry no longer serves the endpoint for ${what.subject} (410). Update Sentry Insight.${said}`,
        extra,
      );
    case status === 429:
      return apiError(
        'rateLimited',
        `Sentry is rate-limiting requests for ${what.subject} (429). Wait a minute and refresh.${said}`,
        extra,
      );
    case status >= 500:
      return apiError(
        'server',
        `Sentry at ${baseUrl} had an internal error (${status}) while loading ${what.subject}. Try again later.${said}`,
        extra,
      );
    case status >= 300 && status < 400: {
      const target = redirectOrigin(location, baseUrl);
      const where = target ? ` to ${clip(target, 200)}` : '';
      return apiError(
        'badRequest',
        `Sentry at ${baseUrl} answered the request for ${what.subject} with a redirect ` +
          `(${status})${where}, which is not followed so the auth token goes nowhere else. ` +
          `If that is where your Sentry now lives, set it as the server URL (sentryInsight.url or ` +
          `SENTRY_URL) and sign in again.`,
        extra,
      );
    }
    default:
      return apiError('badRequest', `Sentry did not accept the request for ${what.subject} (${status}).${said}`, extra);
  }
}

/** An answer that is a web page: the server at the URL is a site, a proxy's error page or a login portal, not Sentry. */
export function looksLikeWebPage(body: string): boolean {
  return body.trimStart().startsWith('<');
}

export function notSentryError(baseUrl: string, subject: string, status: number, request: string): ApiError {
  return apiError(
    'notSentry',
    `${baseUrl} does not look like a Sentry server: it answered the request for ${subject} ` +
      `with a web page (${status}) where Sentry answers JSON. Check the server URL (--url, ` +
      `SENTRY_URL, or url in .sentryclirc / the settings).`,
    { status, request },
  );
}
