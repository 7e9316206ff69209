// What a Web API route reads of its request: the path parameters, the query, the body and the server's own origin.
import type { LocalStore } from '../store/localStore';
import type { ArtifactBundles } from '../uploads/artifactBundles';
import { AnswerNow, detail } from './apiAnswer';

export interface ApiRequest {
  readonly method: string;
  readonly path: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** The parsed JSON body of a PUT or POST; undefined for GET and for routes that read bytes. */
  readonly body: unknown;
  /** The body's bytes, for routes that ask for them (uploads). */
  readonly bytes?: Buffer;
  /** The request's `Content-Type`, for multipart uploads. */
  readonly contentType?: string;
  /** The request carries the server's token: changes are allowed (the guard has refused those without it already). */
  readonly mayChange: boolean;
  /** `http://127.0.0.1:<port>` as the client addressed it (its Host header), for permalinks and Link headers. */
  readonly origin: string;
  readonly store: LocalStore;
  /** Where uploaded artifact bundles go; undefined where the server takes no uploads. */
  readonly uploads?: ArtifactBundles;
  readonly now: number;
}

export function param(request: ApiRequest, name: string): string {
  const value = request.params[name];
  if (value === undefined) throw new AnswerNow(detail(500, `route has no parameter ${name}`));
  return value;
}

/** Every value of a repeatable query parameter (`project=1&project=2`), without empty ones. */
export function queryList(request: ApiRequest, name: string): string[] {
  return request.query.getAll(name).filter((value) => value !== '');
}
