// Routes one HTTP request of the local server: the loopback Host check, then either the ingest endpoints (Origin check,
// CORS and preflights for browser SDKs) or the Web API and the change signal (no CORS; no browser pages; a token for
// changes). Writes exactly one JSON answer, except to a reader of the change stream; nothing a client sends can make
// it throw.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../../log';
import { answerWebApi } from '../api/webApi';
import { changeVersion, localChangeStreamPath, localChangesPath } from '../changeSignal';
import { LOCAL_AUTH_CHALLENGE } from '../localRealm';
import type { IngestLimits } from '../envelope/ingestLimits';
import { answerIngest } from '../ingest/ingestEndpoint';
import type { IngestService } from '../ingest/ingestService';
import { answerSpotlight, SPOTLIGHT_PATH } from '../ingest/spotlightEndpoint';
import type { PersistedStore } from '../store/persistedStore';
import type { ArtifactBundles } from '../uploads/artifactBundles';
import type { ChangeStreams } from './changeStream';
import { corsHeaders, preflightHeaders } from './corsHeaders';
import { isAllowedOrigin, isLoopbackHost } from './loopbackGuard';
import { requestTargetOf, type RequestTarget } from './requestTarget';
import { carriesToken, webApiRefusal, type Refusal, type WebApiAccess } from './webApiGuard';

export interface RouterContext {
  /** Tells this server's change versions from those of an earlier server on the same port. */
  readonly instance: string;
  readonly ingest: IngestService;
  readonly persisted: PersistedStore;
  readonly changeStreams: ChangeStreams;
  readonly uploads?: ArtifactBundles;
  readonly limits: IngestLimits;
  readonly allowedOrigins: readonly string[];
  readonly webApi: WebApiAccess;
  readonly log: Logger;
  readonly now: () => number;
}

/** `/api/<project>/envelope/` or `/store/`, with or without the trailing slash. Project ids start at 1. */
const INGEST_PATH = /^\/api\/([^/]+)\/(envelope|store)\/?$/;

type Answer = { status: number; body: unknown; headers?: Readonly<Record<string, string>> };

/** How long a refused body may keep arriving before the answer goes out anyway; the body readers cap its bytes. */
const DRAIN_WAIT_MS = 10_000;

export async function routeRequest(
  request: IncomingMessage,
  response: ServerResponse,
  context: RouterContext,
): Promise<void> {
  let answer: Answer;
  let cors: Record<string, string> = {};
  try {
    const host = request.headers.host;
    if (!isLoopbackHost(host)) {
      answer = {
        status: 403,
        body: { detail: 'The local Sentry server only answers requests addressed to 127.0.0.1 or localhost.' },
      };
    } else {
      const origin = `http://${host ?? '127.0.0.1'}`;
      const target = requestTargetOf(request.url ?? '/', origin);
      if (isWebApiPath(target.pathname)) {
        const url = target instanceof URL ? target : new URL(request.url ?? '/', origin);
        // The Web API sends no CORS headers, ever: no page may read it, whatever its origin.
        const refusal = webApiRefusal(request, context.webApi);
        if (refusal === undefined && url.pathname === localChangeStreamPath) {
          context.changeStreams.serve(request, response);
          return;
        }
        answer = refusal !== undefined ? refusalAnswer(refusal) : await answerWebApiSide(request, url, context);
      } else {
        const ingest = answerIngestSide(request, target, context);
        cors = ingest.cors;
        answer = await ingest.answer;
      }
    }
  } catch (error) {
    context.log.error(
      `local server: ${request.method ?? ''} ${request.url ?? ''} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    answer = { status: 500, body: { detail: 'Internal Error' } };
  }
  await finishReading(request);
  writeAnswer(response, answer, cors, request.complete);
}

/** The Web API and the change signal: reads for programs on this machine, under the same rules. */
function isWebApiPath(pathname: string): boolean {
  return (
    pathname === '/api/0' ||
    pathname.startsWith('/api/0/') ||
    pathname === localChangesPath ||
    pathname === localChangeStreamPath
  );
}

async function answerWebApiSide(request: IncomingMessage, url: URL, context: RouterContext): Promise<Answer> {
  if (url.pathname === localChangesPath) {
    if (request.method !== 'GET') return { status: 405, body: { detail: 'the change signal answers GET only' } };
    return {
      status: 200,
      body: changeVersion(context.instance, context.persisted.revision),
      headers: { 'Cache-Control': 'no-store' },
    };
  }
  return answerWebApi(request, url, {
    persisted: context.persisted,
    uploads: context.uploads,
    mayChange: carriesToken(request, context.webApi),
    origin: `http://${request.headers.host ?? '127.0.0.1'}`,
    now: context.now(),
    log: context.log,
  });
}

function refusalAnswer(refusal: Refusal): Answer {
  return {
    status: refusal.status,
    body: { detail: refusal.detail },
    headers: refusal.status === 401 ? { 'WWW-Authenticate': LOCAL_AUTH_CHALLENGE } : undefined,
  };
}

/** Ingest endpoints, which browser SDKs on allowed pages may use: the Origin check, CORS and preflights. */
function answerIngestSide(
  request: IncomingMessage,
  url: RequestTarget,
  context: RouterContext,
): { answer: Answer | Promise<Answer>; cors: Record<string, string> } {
  const origin = request.headers.origin;
  if (origin !== undefined && !isAllowedOrigin(origin, context.allowedOrigins)) {
    return {
      answer: {
        status: 403,
        body: { detail: `Origin ${origin} may not use the local Sentry server; pages on localhost may.` },
      },
      cors: {},
    };
  }
  if (request.method === 'OPTIONS') {
    const requestedHeaders = request.headers['access-control-request-headers'];
    const privateNetwork = request.headers['access-control-request-private-network'];
    const cors =
      origin === undefined
        ? {}
        : preflightHeaders(origin, {
            headers: Array.isArray(requestedHeaders) ? requestedHeaders.join(', ') : requestedHeaders,
            privateNetwork: Array.isArray(privateNetwork) ? privateNetwork[0] : privateNetwork,
          });
    return { answer: { status: 204, body: undefined }, cors };
  }
  return { answer: dispatchIngest(request, url, context), cors: origin === undefined ? {} : corsHeaders(origin) };
}

async function dispatchIngest(request: IncomingMessage, url: RequestTarget, context: RouterContext): Promise<Answer> {
  const ingest = INGEST_PATH.exec(url.pathname);
  if (ingest !== null && ingest[1] !== '0') {
    const projectId = ingest[1] ?? '';
    if (!/^[1-9]\d{0,18}$/.test(projectId))
      return {
        status: 400,
        body: { detail: `invalid project id "${projectId.slice(0, 40)}" in the DSN: it must be a number` },
      };
    if (request.method !== 'POST') return { status: 405, body: { detail: 'ingest accepts POST only' } };
    return answerIngest(
      request,
      url.searchParams,
      ingest[2] === 'store' ? 'store' : 'envelope',
      projectId,
      context.ingest,
      context.limits,
    );
  }
  if (url.pathname === SPOTLIGHT_PATH || url.pathname === `${SPOTLIGHT_PATH}/`) {
    if (request.method !== 'POST') return { status: 405, body: { detail: "Spotlight's /stream accepts POST only" } };
    return answerSpotlight(request, context.ingest, context.limits);
  }
  return { status: 404, body: { detail: 'The requested resource does not exist' } };
}

/**
 * Waits (boundedly) until the client has sent the rest of a body the answer did not need, such as a refused upload:
 * answering and closing while it still writes would reset the connection before it reads the answer.
 */
function finishReading(request: IncomingMessage): Promise<void> {
  if (request.complete || request.destroyed) return Promise.resolve();
  request.resume();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      request.off('end', done);
      request.off('close', done);
      resolve();
    };
    const timer = setTimeout(done, DRAIN_WAIT_MS);
    request.once('end', done);
    request.once('close', done);
  });
}

function writeAnswer(response: ServerResponse, answer: Answer, cors: Record<string, string>, bodyRead: boolean): void {
  if (response.headersSent) {
    response.end();
    return;
  }
  const text = answer.body === undefined ? undefined : JSON.stringify(answer.body);
  const headers: Record<string, string> = { ...cors, ...answer.headers };
  if (text !== undefined) {
    headers['Content-Type'] = 'application/json';
    headers['Content-Length'] = String(Buffer.byteLength(text));
  }
  // A refused upload still arriving (past the drain's bounds): closing keeps the client from streaming the rest into a
  // dead request. Once the body has been read the connection stays usable, and closing it could reset the client.
  if (answer.status === 413 && !bodyRead) headers['Connection'] = 'close';
  response.writeHead(answer.status, headers);
  response.end(text);
}
