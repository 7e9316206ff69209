// Bearer-token authentication and per-route scope checks, with each backend's 401 and 403 bodies.
import { IncomingHttpHeaders } from 'node:http';
import { Answer, detail, glitchtipMessages, sentryMessages } from './answer';
import { ResolvedOptions } from './options';
import { Route } from './router';

export interface Credentials {
  /** Whether an Authorization header came at all. */
  presented: boolean;
  /** The token's scopes; `undefined` when the token is unknown or the header malformed. */
  scopes: readonly string[] | undefined;
}

export function readCredentials(headers: IncomingHttpHeaders, options: ResolvedOptions): Credentials {
  const header = headers.authorization;
  if (header === undefined) return { presented: false, scopes: undefined };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return { presented: true, scopes: match?.[1] !== undefined ? options.tokens[match[1]] : undefined };
}

/** The refusal for this request, or `undefined` when it may proceed (then with these scopes). */
export function refuse(route: Route, credentials: Credentials, options: ResolvedOptions): Answer | undefined {
  const glitchtip = options.flavour === 'glitchtip';
  // Sentry authenticates before any endpoint runs, so a bad token fails even on token-free routes.
  const badToken = credentials.presented && credentials.scopes === undefined;
  if (route.scopes === null) return badToken && !glitchtip ? unauthorized(options) : undefined;
  if (credentials.scopes === undefined) return unauthorized(options);
  if (!route.scopes.some((scope) => credentials.scopes?.includes(scope))) {
    return detail(403, glitchtip ? glitchtipMessages.forbidden : sentryMessages.forbidden);
  }
  return undefined;
}

function unauthorized(options: ResolvedOptions): Answer {
  const message = options.flavour === 'glitchtip' ? glitchtipMessages.unauthorized : sentryMessages.invalidToken;
  return { ...detail(401, message), headers: { 'WWW-Authenticate': 'Bearer realm="api"' } };
}

/** Scope sets per kind of endpoint (any one suffices), from Sentry's permission classes (sentry-api-notes §1). */
export const scopesFor = {
  orgRead: ['org:read', 'org:write', 'org:admin'],
  projectRead: ['org:read', 'project:read', 'project:write', 'project:admin'],
  eventRead: ['event:read', 'event:write', 'event:admin'],
  eventWrite: ['event:write', 'event:admin'],
  releaseRead: ['project:read', 'project:write', 'project:admin', 'project:releases', 'org:ci'],
  memberRead: ['member:read', 'member:write', 'member:admin'],
} as const;
