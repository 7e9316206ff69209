// A Web API route: a method, a path pattern with `:name` parameters, and a handler. A handler that changes the store
// returns the records to persist with its answer.
import type { StoreRecord } from '../store/storeRecords';
import type { ApiAnswer } from './apiAnswer';
import type { ApiRequest } from './apiRequest';

export interface RouteAnswer extends ApiAnswer {
  readonly records?: readonly StoreRecord[];
}

export interface Route {
  readonly method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  /** `/api/0/organizations/:org/issues/:issue/`. */
  readonly pattern: string;
  /** How a PUT's or POST's body is read: parsed JSON (the default) or the bytes as sent (uploads), and its size cap. */
  readonly body?: { readonly kind: 'json' | 'bytes'; readonly maxBytes: number };
  handle(request: ApiRequest): RouteAnswer | Promise<RouteAnswer>;
}

/** The route's parameters when the path matches its pattern (segments percent-decoded), else undefined. */
export function matchRoute(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const have = path.split('/');
  if (want.length !== have.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of want.entries()) {
    const actual = have[index] ?? '';
    if (part.startsWith(':')) {
      if (actual === '') return undefined;
      try {
        params[part.slice(1)] = decodeURIComponent(actual);
      } catch {
        return undefined;
      }
    } else if (part !== actual) {
      return undefined;
    }
  }
  return params;
}
