// The local Web API: finds the route for a request under `/api/0/`, reads a PUT's JSON body, runs the handler, and
// persists what it changed before answering. Every failure is an answer (404, 405, 400, 500), never a crash.
import type { IncomingMessage } from 'node:http';
import type { Logger } from '../../log';
import { readRequestBody } from '../ingest/requestBody';
import type { PersistedStore } from '../store/persistedStore';
import { EventGoneError, StoreReadError } from '../store/storeReadError';
import type { ArtifactBundles } from '../uploads/artifactBundles';
import { AnswerNow, detail, notFound, type ApiAnswer } from './apiAnswer';
import { matchRoute, type Route } from './route';
import { accountRoutes } from './routes/accountRoutes';
import { directoryRoutes } from './routes/directoryRoutes';
import { discoverRoutes } from './routes/discoverRoutes';
import { issueListRoute } from './routes/issueListRoute';
import { issueRoutes } from './routes/issueRoutes';
import { projectRoutes } from './routes/projectRoutes';
import { releaseRoutes } from './routes/releaseRoutes';
import { uploadRoutes } from './routes/uploadRoutes';

const routes: readonly Route[] = [
  ...directoryRoutes,
  ...accountRoutes,
  issueListRoute,
  ...issueRoutes,
  ...projectRoutes,
  ...releaseRoutes,
  ...uploadRoutes,
  ...discoverRoutes,
];
const MAX_PUT_BYTES = 1024 * 1024;

export interface WebApiContext {
  readonly persisted: PersistedStore;
  readonly uploads?: ArtifactBundles;
  /** The request carries the server's token (see ApiRequest.mayChange). */
  readonly mayChange: boolean;
  readonly origin: string;
  readonly now: number;
  readonly log: Logger;
}

export async function answerWebApi(request: IncomingMessage, url: URL, context: WebApiContext): Promise<ApiAnswer> {
  const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  const candidates = routes
    .map((route) => ({ route, params: matchRoute(route.pattern, path) }))
    .filter((match) => match.params !== undefined);
  const found = candidates.find((match) => match.route.method === request.method);
  if (found === undefined || found.params === undefined) {
    request.resume();
    return candidates.length > 0 ? detail(405, `Method "${request.method ?? ''}" not allowed.`) : notFound();
  }
  let body: unknown;
  let bytes: Buffer | undefined;
  if (request.method === 'PUT' || request.method === 'POST') {
    const bodyRule = found.route.body ?? { kind: 'json', maxBytes: MAX_PUT_BYTES };
    const read = await readRequestBody(request, {
      maxBodyBytes: bodyRule.maxBytes,
      maxDecompressedBytes: bodyRule.maxBytes,
    });
    if (!read.ok) return detail(read.error.status, read.error.detail);
    if (bodyRule.kind === 'bytes') bytes = read.value;
    else {
      try {
        body = JSON.parse(read.value.toString('utf8') || '{}');
      } catch (error) {
        return detail(400, `JSON parse error - ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  } else {
    request.resume();
  }
  try {
    const contentType = request.headers['content-type'];
    const answer = await found.route.handle({
      method: found.route.method,
      path,
      params: found.params,
      query: url.searchParams,
      body,
      bytes,
      contentType,
      mayChange: context.mayChange,
      origin: context.origin,
      store: context.persisted.store,
      uploads: context.uploads,
      now: context.now,
    });
    if (answer.records && answer.records.length > 0) await context.persisted.commit(answer.records);
    return answer;
  } catch (error) {
    if (error instanceof AnswerNow) return error.answer;
    if (error instanceof EventGoneError) return detail(404, error.detail);
    if (error instanceof StoreReadError) {
      // Not a bug of the server's: the file was changed by something else. The client shows the detail.
      context.log.error(`local server: ${request.method ?? ''} ${path}: ${error.message}`);
      return detail(500, error.detail);
    }
    context.log.error(
      `local server: ${request.method ?? ''} ${path} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return detail(500, 'Internal Error');
  }
}
