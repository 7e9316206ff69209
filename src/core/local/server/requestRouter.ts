// Routes one HTTP request of the local server: loopback and origin checks, CORS preflight, ingest endpoints, the Web
// API. Writes exactly one JSON answer; nothing a client sends can make it throw.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../../log';
import { answerWebApi } from '../api/webApi';
import type { IngestLimits } from '../envelope/ingestLimits';
import { answerIngest } from '../ingest/ingestEndpoint';
import type { IngestService } from '../ingest/ingestService';
import { answerSpotlight, SPOTLIGHT_PATH } from '../ingest/spotlightEndpoint';
import type { PersistedStore } from '../store/persistedStore';
import { corsHeaders, preflightHeaders } from './corsHeaders';
import { isAllowedOrigin, isLoopbackHost } from './loopbackGuard';

export interface RouterContext {
  readonly ingest: IngestService;
  readonly persisted: PersistedStore;
  readonly limits: IngestLimits;
  readonly allowedOrigins: readonly string[];
  readonly log: Logger;
  readonly now: () => number;
}

/** `/api/<project>/envelope/` or `/store/`, with or without the trailing slash. Project ids start at 1. */
const INGEST_PATH = /^\/api\/([^/]+)\/(envelope|store)\/?$/;

type Answer = { status: number; body: unknown; headers?: Readonly<Record<string, string>> };

export async function routeRequest(request: IncomingMessage, response: ServerResponse, context: RouterContext): Promise<void> {
  let answer: Answer;
  let cors: Record<string, string> = {};
  try {
    const host = request.headers.host;
    const origin = request.headers.origin;
    if (!isLoopbackHost(host)) {
      answer = { status: 403, body: { detail: 'The local Sentry server only answers requests addressed to 127.0.0.1 or localhost.' } };
    } else if (origin !== undefined && !isAllowedOrigin(origin, context.allowedOrigins)) {
      answer = { status: 403, body: { detail: `Origin ${origin} may not use the local Sentry server; pages on localhost may.` } };
    } else {
      if (origin !== undefined) cors = corsHeaders(origin);
      if (request.method === 'OPTIONS') {
        const requestedHeaders = request.headers['access-control-request-headers'];
        const privateNetwork = request.headers['access-control-request-private-network'];
        cors = origin === undefined ? {} : preflightHeaders(origin, { headers: Array.isArray(requestedHeaders) ? requestedHeaders.join(', ') : requestedHeaders, privateNetwork: Array.isArray(privateNetwork) ? privateNetwork[0] : privateNetwork });
        answer = { status: 204, body: undefined };
      } else {
        answer = await dispatch(request, new URL(request.url ?? '/', `http://${host ?? '127.0.0.1'}`), context);
      }
    }
  } catch (error) {
    context.log.error(`local server: ${request.method ?? ''} ${request.url ?? ''} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    answer = { status: 500, body: { detail: 'Internal Error' } };
  }
  if (!request.complete) request.resume();
  writeAnswer(response, answer, cors);
}

async function dispatch(request: IncomingMessage, url: URL, context: RouterContext): Promise<Answer> {
  const ingest = INGEST_PATH.exec(url.pathname);
  if (ingest !== null && ingest[1] !== '0') {
    const projectId = ingest[1] ?? '';
    if (!/^[1-9]\d{0,18}$/.test(projectId)) return { status: 400, body: { detail: `invalid project id "${projectId.slice(0, 40)}" in the DSN: it must be a number` } };
    if (request.method !== 'POST') return { status: 405, body: { detail: 'ingest accepts POST only' } };
    return answerIngest(request, url, ingest[2] === 'store' ? 'store' : 'envelope', projectId, context.ingest, context.limits);
  }
  if (url.pathname === SPOTLIGHT_PATH || url.pathname === `${SPOTLIGHT_PATH}/`) {
    if (request.method !== 'POST') return { status: 405, body: { detail: 'Spotlight\'s /stream accepts POST only' } };
    return answerSpotlight(request, context.ingest, context.limits);
  }
  if (url.pathname === '/api/0' || url.pathname.startsWith('/api/0/')) {
    return answerWebApi(request, url, { persisted: context.persisted, origin: `http://${request.headers.host ?? '127.0.0.1'}`, now: context.now(), log: context.log });
  }
  return { status: 404, body: { detail: 'The requested resource does not exist' } };
}

function writeAnswer(response: ServerResponse, answer: Answer, cors: Record<string, string>): void {
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
  // A refused upload may still be arriving; closing afterwards keeps a client from streaming the rest into a dead request.
  if (answer.status === 413) headers['Connection'] = 'close';
  response.writeHead(answer.status, headers);
  response.end(text);
}
