// Matches a request's method and path against route patterns like `/api/0/organizations/:org/issues/:issue/`.
import { Answer } from './answer';
import { RouteContext } from './context';

export interface Route {
  method: 'GET' | 'PUT';
  pattern: string;
  /** Any one of these scopes lets the token in; `null` means the route needs no token at all. */
  scopes: readonly string[] | null;
  /** Region mode: a server that is not the organization's region answers 404 (see server options). */
  regionScoped?: boolean;
  handle(context: RouteContext): Answer | Promise<Answer>;
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

interface CompiledRoute {
  route: Route;
  regex: RegExp;
  names: string[];
}

export class Router {
  private readonly compiled: CompiledRoute[];

  constructor(routes: readonly Route[]) {
    this.compiled = routes.map((route) => compile(route));
  }

  /** `found` is unset when nothing matches; `pathKnown` is true when the path matched a route of another method (405). */
  match(method: string, path: string): { found?: RouteMatch; pathKnown: boolean } {
    let pathKnown = false;
    for (const { route, regex, names } of this.compiled) {
      const groups = regex.exec(path);
      if (!groups) continue;
      pathKnown = true;
      if (route.method !== method) continue;
      const params: Record<string, string> = {};
      names.forEach((name, index) => (params[name] = safeDecode(groups[index + 1] ?? '')));
      return { found: { route, params }, pathKnown };
    }
    return { pathKnown };
  }
}

function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  const source = route.pattern
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(segment.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { route, regex: new RegExp(`^${source}$`), names };
}

// A path segment such as a release version arrives percent-encoded (`shop%401.2.0%2B45`).
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
