// What a route handler gets: the parsed request, its path parameters, the token's scopes and the server state.
import { ServerState } from './options';

export interface RouteContext {
  method: string;
  /** Path as sent, still percent-encoded. */
  path: string;
  query: URLSearchParams;
  body: string;
  /** Decoded path parameters (`:org`, `:issue`, `:version` ...). */
  params: Record<string, string>;
  /** Whether a valid token came with the request (only token-free routes see requests without one). */
  authenticated: boolean;
  /** Scopes of the presented token; empty without one. */
  scopes: readonly string[];
  state: ServerState;
}

export function param(context: RouteContext, name: string): string {
  const value = context.params[name];
  if (value === undefined) throw new Error(`fake Sentry: route has no :${name}`);
  return value;
}

/** All values of a repeatable query parameter (`project=1&project=2`), empty strings dropped. */
export function queryList(context: RouteContext, name: string): string[] {
  return context.query.getAll(name).filter((value) => value !== '');
}
