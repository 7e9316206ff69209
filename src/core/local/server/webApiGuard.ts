// Who may use the local Web API: programs on this machine (the editor, the CLI, curl), never a web page. Browsers mark
// their requests (Origin on cross-origin and on every write, Sec-Fetch-Site on all modern ones), so any such request is
// refused and no CORS header is ever sent; changes (and, when asked, reads) need the per-install token besides.
import type { IncomingMessage } from 'node:http';
import { isSameToken } from './apiToken';

export interface WebApiAccess {
  readonly token: string;
  /** Reads need the token too (`serve --token`, the editor's setting); changes always do. */
  readonly tokenForReads: boolean;
  /** Where the token is kept, for the refusal message. */
  readonly tokenFile: string | undefined;
}

export interface Refusal {
  readonly status: 401 | 403;
  readonly detail: string;
}

const READS = new Set(['GET', 'HEAD']);

/** Why the request may not use the Web API, or undefined when it may. */
export function webApiRefusal(request: IncomingMessage, access: WebApiAccess): Refusal | undefined {
  if (fromBrowserPage(request)) {
    return {
      status: 403,
      detail:
        'The local Sentry Web API does not answer web pages. Pages may only send events, to the ingest endpoints; read issues with the editor or sentry-insight.',
    };
  }
  const isRead = READS.has(request.method ?? '');
  const given = bearerToken(request);
  if ((!isRead || access.tokenForReads) && !carriesToken(request, access)) {
    const where =
      access.tokenFile === undefined ? 'the token this server was started with' : `the token in ${access.tokenFile}`;
    // Sentry's own wordings for a missing and for a wrong token, then what this server wants.
    const problem =
      given === undefined
        ? 'Authentication credentials were not provided.'
        : "Invalid token: it is not this local Sentry's.";
    return {
      status: 401,
      detail: `${problem} ${isRead ? 'This' : 'A change through this'} local Sentry needs "Authorization: Bearer <token>" with ${where}.`,
    };
  }
  return undefined;
}

/** A request a browser made for a page: it names the page's origin, or says which site it came from. */
function fromBrowserPage(request: IncomingMessage): boolean {
  if (request.headers.origin !== undefined) return true;
  const site = request.headers['sec-fetch-site'];
  // `none`: the user typed the address or opened a bookmark, which no page can make happen.
  return site !== undefined && site !== 'none';
}

/** The request carries this server's token, so it may change things (the API index reports write scopes then). */
export function carriesToken(request: IncomingMessage, access: WebApiAccess): boolean {
  const given = bearerToken(request);
  return given !== undefined && isSameToken(given, access.token);
}

function bearerToken(request: IncomingMessage): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
}
