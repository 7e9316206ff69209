// The Sentry Web API client: one object per configured server and token, used alike for sentry.io, self-hosted Sentry,
// GlitchTip and the embedded local server. Every method returns a Result; nothing throws for a bad answer.
import { z } from 'zod';
import { err, ok, type Result } from '../result';
import { backendOf, type Backend, type BackendKind, type IssueSort } from './backend';
import {
  apiIndexSchema,
  codeMappingSchema,
  environmentSchema,
  glitchtipSettingsSchema,
  memberSchema,
  organizationSchema,
  projectSchema,
  releaseSchema,
  teamSchema,
  type CodeMapping,
  type Environment,
  type Member,
  type Organization,
  type Project,
  type Release,
  type Team,
} from './directorySchemas';
import {
  discoverAnswerSchema,
  eventStacksOf,
  latestEventIdsOf,
  latestEventFields,
  stackFields,
  type EventStackRow,
} from './discoverSchema';
import { apiError, isServerBusy, type ApiError } from './errors';
import { eventSchema, type IssueEvent } from './eventSchema';
import { SentryHttp, type HttpOptions, type HttpRequest, type Query } from './http';
import { bodyOf, canApply, type IssueChange } from './issueChange';
import { issueSchema, issueTagListSchema, type Issue, type IssueTag } from './issueSchema';
import { parseNextPage } from './linkHeader';
import type { RequestDescription } from './statusErrors';
import { RegionRouting } from './regionRouting';
import type { ServerFacts } from './serverFacts';
import { isSentryIo } from './trustedHosts';

export interface SentryClientOptions extends HttpOptions {
  readonly backend?: BackendKind;
  /** What earlier sessions learned about servers (backend kind, regions): kept by the editor, absent in the CLI. */
  readonly facts?: ServerFacts;
}

export interface IssueQuery {
  readonly projectId?: string;
  /** Sentry search, e.g. `is:unresolved release:"shop@1.2.3"`; always sent, since GlitchTip has no default. */
  readonly query: string;
  readonly environments?: readonly string[];
  readonly statsPeriod?: string;
  readonly sort?: IssueSort;
  /** Stop after this many issues (default and most 10,000: a load's memory stays bounded whatever the server sends). */
  readonly maxIssues?: number;
  /** Told when the list was cut short (the cap, a page limit, or a cursor the server sent twice); also logged as a warning. */
  readonly onTruncated?: (message: string) => void;
  readonly signal?: AbortSignal;
}

/** A query of the organization events endpoint over one project's error events. */
export interface DiscoverScope {
  readonly projectId: string;
  readonly environments?: readonly string[];
  readonly statsPeriod?: string;
  readonly signal?: AbortSignal;
}

/** Ids per Discover request: a page holds 100 rows, and the ids stay well inside a URL's length. */
export const discoverBatchSize = 100;

export interface TokenInfo {
  readonly scopes: readonly string[];
  readonly user?: { readonly id?: string; readonly email?: string; readonly name?: string };
}

const enc = encodeURIComponent;
const pageSize = 100;
/** The most items any list is read to, so that a server that never ends a list cannot exhaust memory. */
export const maxListItems = 10_000;
/** Spare pages past the items' need: Sentry sends short and empty pages while more follow (sentry-api-notes §3.1). */
const spareListPages = 20;

interface ListOptions<T> {
  readonly maxItems?: number;
  readonly onPage?: (page: readonly T[]) => void;
  readonly onTruncated?: (message: string) => void;
  /** What makes an item unique (an issue's id): a repeated item is dropped, and a page of only repeats ends the walk. */
  readonly keyOf?: (item: T) => string;
}

export class SentryClient {
  private readonly http: SentryHttp;
  private readonly log: HttpOptions['log'];
  private readonly regions: RegionRouting;

  private constructor(
    options: SentryClientOptions,
    readonly backend: Backend,
  ) {
    this.http = new SentryHttp(options);
    this.log = options.log;
    this.regions = new RegionRouting(this.http.baseUrl, (org) => this.regionUrlOf(org), options.facts);
  }

  static create(options: SentryClientOptions): SentryClient {
    return new SentryClient(options, backendOf(options.backend ?? 'sentry'));
  }

  /**
   * Tells GlitchTip from Sentry by GlitchTip's unauthenticated `/api/settings/`, which Sentry does not serve. That probe
   * is a round trip before every other, so sentry.io is taken as Sentry, and a server's kind remembered in `facts` is
   * used at once while the probe checks it again in the background for the next start.
   */
  static async detect(options: SentryClientOptions): Promise<SentryClient> {
    if (options.backend) return SentryClient.create(options);
    if (isSentryIo(options.baseUrl)) return SentryClient.create({ ...options, backend: 'sentry' });
    const remembered = options.facts?.backendOf(options.baseUrl);
    const probe = probeBackend(options);
    if (remembered) {
      probe.catch(() => undefined);
      return SentryClient.create({ ...options, backend: remembered });
    }
    return SentryClient.create({ ...options, backend: await probe });
  }

  get baseUrl(): string {
    return this.http.baseUrl;
  }

  close(): Promise<void> {
    return this.http.close();
  }

  async tokenInfo(): Promise<Result<TokenInfo, ApiError>> {
    const answer = await this.http.send({
      method: 'GET',
      path: '/api/0/',
      schema: apiIndexSchema,
      what: { subject: 'the token check', scope: 'any', notFound: `${this.baseUrl} has no Sentry API at /api/0/` },
    });
    if (!answer.ok) return answer;
    const { auth, user } = answer.value.data;
    // Sentry answers 200 with `auth: null` for a token it does not know.
    if (!auth)
      return err(
        apiError(
          'unauthorized',
          `Sentry at ${this.baseUrl} does not accept the auth token: it is invalid, expired or revoked. Create a user auth token at ${this.baseUrl}/settings/account/api/auth-tokens/.`,
          { status: 200 },
        ),
      );
    return ok({ scopes: auth.scopes ?? [], user: user ?? undefined });
  }

  organizations(signal?: AbortSignal): Promise<Result<Organization[], ApiError>> {
    return this.listAll(
      {
        path: '/api/0/organizations/',
        query: { per_page: pageSize },
        signal,
        what: { subject: 'your organizations', scope: 'org:read', notFound: 'the organizations list does not exist' },
      },
      organizationSchema,
    );
  }

  async projects(org: string, signal?: AbortSignal): Promise<Result<Project[], ApiError>> {
    return this.listAll(
      {
        path: `/api/0/organizations/${enc(org)}/projects/`,
        query: { per_page: pageSize },
        serverUrl: this.regions.serverFor(org),
        signal,
        what: orgWhat(org, 'the projects', 'org:read'),
      },
      projectSchema,
    );
  }

  /** Releases newest first; `query` is a substring of the version (Sentry only). */
  async releases(
    org: string,
    options: { projectId?: string; query?: string; maxReleases?: number; signal?: AbortSignal } = {},
  ): Promise<Result<Release[], ApiError>> {
    const query: Query = { per_page: pageSize, project: options.projectId };
    if (options.query && this.backend.capabilities.releaseSearch) query.query = options.query;
    return this.listAll(
      {
        path: `/api/0/organizations/${enc(org)}/releases/`,
        query,
        serverUrl: this.regions.serverFor(org),
        signal: options.signal,
        what: orgWhat(org, 'the releases', 'project:read'),
      },
      releaseSchema,
      { maxItems: options.maxReleases ?? pageSize, keyOf: (release) => release.version },
    );
  }

  async release(org: string, version: string, signal?: AbortSignal): Promise<Result<Release, ApiError>> {
    const answer = await this.http.send({
      method: 'GET',
      path: `/api/0/organizations/${enc(org)}/releases/${enc(version)}/`,
      serverUrl: this.regions.serverFor(org),
      schema: releaseSchema,
      signal,
      what: {
        subject: `release "${version}"`,
        scope: 'project:read',
        notFound: `release "${version}" does not exist in organization "${org}"`,
      },
    });
    return answer.ok ? ok(answer.value.data) : answer;
  }

  /** Issues page by page, following the `Link` header's cursor; `onPage` sees each page as it arrives. */
  async issues(
    org: string,
    query: IssueQuery,
    onPage?: (page: readonly Issue[]) => void,
  ): Promise<Result<Issue[], ApiError>> {
    const params: Query = {
      project: query.projectId,
      query: query.query,
      environment: query.environments && query.environments.length > 0 ? query.environments : undefined,
      statsPeriod: query.statsPeriod,
      sort: query.sort ? this.backend.issueSort(query.sort) : undefined,
      limit: pageSize,
    };
    return this.listAll(
      {
        path: `/api/0/organizations/${enc(org)}/issues/`,
        query: params,
        serverUrl: this.regions.serverFor(org),
        signal: query.signal,
        what: orgWhat(org, 'the issues', 'event:read'),
      },
      issueSchema,
      { maxItems: query.maxIssues, onPage, onTruncated: query.onTruncated, keyOf: (issue) => issue.id },
    );
  }

  async issue(org: string, issueId: string, signal?: AbortSignal): Promise<Result<Issue, ApiError>> {
    const answer = await this.http.send({
      method: 'GET',
      path: this.backend.issuePath(org, issueId),
      serverUrl: this.regions.serverFor(org),
      schema: issueSchema,
      signal,
      what: issueWhat(org, issueId, 'event:read'),
    });
    return answer.ok ? ok(answer.value.data) : answer;
  }

  /** The most recent event of an issue, optionally within an environment and a search such as `release:"x"`. */
  async latestEvent(
    org: string,
    issueId: string,
    filter: { environments?: readonly string[]; query?: string; signal?: AbortSignal } = {},
  ): Promise<Result<IssueEvent, ApiError>> {
    const answer = await this.http.send({
      method: 'GET',
      path: this.backend.issueEventPath(org, issueId, 'latest'),
      serverUrl: this.regions.serverFor(org),
      query: {
        environment: filter.environments && filter.environments.length > 0 ? filter.environments : undefined,
        query: filter.query,
      },
      schema: eventSchema,
      signal: filter.signal,
      what: {
        subject: `the latest event of issue ${issueId}`,
        scope: 'event:read',
        notFound: `issue ${issueId} has no event matching the filters in organization "${org}"`,
      },
    });
    return answer.ok ? ok(answer.value.data) : answer;
  }

  /**
   * The latest event id of each issue (`latest_event()` grouped by `issue.id`, Discover), at most `discoverBatchSize`
   * issues a call; `query` narrows the events (`release:"x"`). An issue without a matching event in the period is not
   * in the answer. Servers without the endpoint (GlitchTip) answer `unsupported` without a request.
   */
  async latestEventIds(
    org: string,
    issueIds: readonly string[],
    scope: DiscoverScope & { readonly query?: string },
  ): Promise<Result<Map<string, string>, ApiError>> {
    const query = [`issue.id:[${issueIds.join(',')}]`, scope.query].filter(Boolean).join(' ');
    const rows = await this.discoverRows(org, latestEventFields, query, issueIds.length, scope);
    return rows.ok ? ok(latestEventIdsOf(rows.value)) : rows;
  }

  /** The stack frames of events by id (Discover's `stack.*` fields, no source context), at most `discoverBatchSize` a call. */
  async eventStacks(
    org: string,
    eventIds: readonly string[],
    scope: DiscoverScope,
  ): Promise<Result<EventStackRow[], ApiError>> {
    const rows = await this.discoverRows(org, stackFields, `id:[${eventIds.join(',')}]`, eventIds.length, scope);
    return rows.ok ? ok(eventStacksOf(rows.value)) : rows;
  }

  /** Rows of a Discover query over the project's error events, page by page up to `expected` rows (and a spare page). */
  private async discoverRows(
    org: string,
    fields: readonly string[],
    query: string,
    expected: number,
    scope: DiscoverScope,
  ): Promise<Result<Record<string, unknown>[], ApiError>> {
    if (!this.backend.capabilities.discover)
      return err(
        apiError(
          'unsupported',
          `${this.backend.kind === 'glitchtip' ? 'GlitchTip' : 'This server'} has no organization events endpoint.`,
        ),
      );
    if (expected > discoverBatchSize)
      return err(apiError('unsupported', `At most ${discoverBatchSize} ids per events query.`));
    const params: Query = {
      dataset: 'errors',
      field: fields,
      query,
      project: scope.projectId,
      environment: scope.environments && scope.environments.length > 0 ? scope.environments : undefined,
      statsPeriod: scope.statsPeriod,
      per_page: pageSize,
    };
    const serverUrl = this.regions.serverFor(org);
    const rows: Record<string, unknown>[] = [];
    const seenCursors = new Set<string>();
    let cursor: string | undefined;
    for (let pages = 1; pages <= Math.ceil(expected / pageSize) + 1; pages++) {
      const answer = await this.http.send({
        method: 'GET',
        path: `/api/0/organizations/${enc(org)}/events/`,
        serverUrl,
        query: { ...params, cursor },
        schema: discoverAnswerSchema,
        signal: scope.signal,
        urgent: true,
        what: orgWhat(org, 'the events', 'event:read'),
      });
      if (!answer.ok) return answer;
      rows.push(...answer.value.data.data);
      const next = parseNextPage(single(answer.value.headers.link));
      if (!next.hasMore || !next.cursor || seenCursors.has(next.cursor) || rows.length >= expected) return ok(rows);
      seenCursors.add(next.cursor);
      cursor = next.cursor;
    }
    return ok(rows);
  }

  /** Top values of the given tag keys over an issue's events (users, browsers, releases…). */
  async issueTags(
    org: string,
    issueId: string,
    keys: readonly string[],
    signal?: AbortSignal,
  ): Promise<Result<IssueTag[], ApiError>> {
    const answer = await this.http.send({
      method: 'GET',
      path: this.backend.issueTagsPath(org, issueId),
      serverUrl: this.regions.serverFor(org),
      // GlitchTip reads only one `key`; Sentry repeats it.
      query: { key: this.backend.kind === 'glitchtip' ? keys.slice(0, 1) : keys, limit: 9 },
      schema: issueTagListSchema,
      signal,
      what: issueWhat(org, issueId, 'event:read'),
    });
    return answer.ok ? ok(answer.value.data) : answer;
  }

  /** Triage: resolve, archive, assign… Answers the updated issue as Sentry returns it. */
  async updateIssue(
    org: string,
    issueId: string,
    change: IssueChange,
    signal?: AbortSignal,
  ): Promise<Result<z.infer<typeof updateAnswerSchema>, ApiError>> {
    if (!canApply(change.action, this.backend.capabilities)) {
      return err(
        apiError(
          'unsupported',
          `${this.backend.kind === 'glitchtip' ? 'GlitchTip' : 'This server'} cannot ${describeAction(change)}.`,
        ),
      );
    }
    const answer = await this.http.send({
      method: 'PUT',
      path: `/api/0/organizations/${enc(org)}/issues/${enc(issueId)}/`,
      serverUrl: this.regions.serverFor(org),
      body: bodyOf(change, this.backend.capabilities),
      schema: updateAnswerSchema,
      signal,
      what: issueWhat(org, issueId, 'event:write'),
    });
    return answer.ok ? ok(answer.value.data) : answer;
  }

  /** The organization's visible environments (not paginated: the endpoint answers all of them at once). */
  async environments(org: string, signal?: AbortSignal): Promise<Result<Environment[], ApiError>> {
    const answer = await this.http.send({
      method: 'GET',
      path: `/api/0/organizations/${enc(org)}/environments/`,
      serverUrl: this.regions.serverFor(org),
      schema: z.array(environmentSchema),
      signal,
      what: orgWhat(org, 'the environments', 'org:read'),
    });
    return answer.ok ? ok(answer.value.data) : answer;
  }

  async members(org: string, signal?: AbortSignal): Promise<Result<Member[], ApiError>> {
    return this.listAll(
      {
        path: `/api/0/organizations/${enc(org)}/members/`,
        query: { per_page: pageSize },
        serverUrl: this.regions.serverFor(org),
        signal,
        what: orgWhat(org, 'the members', 'member:read'),
      },
      memberSchema,
    );
  }

  /** Teams, for assigning an issue to a team (Sentry only). */
  async teams(org: string, signal?: AbortSignal): Promise<Result<Team[], ApiError>> {
    if (!this.backend.capabilities.assign) return ok([]);
    return this.listAll(
      {
        path: `/api/0/organizations/${enc(org)}/teams/`,
        query: { per_page: pageSize },
        serverUrl: this.regions.serverFor(org),
        signal,
        what: orgWhat(org, 'the teams', 'team:read'),
      },
      teamSchema,
    );
  }

  /** The project's code mappings (stack root to source root). Empty where the backend or the token cannot read them. */
  async codeMappings(org: string, projectId: string, signal?: AbortSignal): Promise<Result<CodeMapping[], ApiError>> {
    if (!this.backend.capabilities.codeMappings) return ok([]);
    const answer = await this.listAll(
      {
        path: `/api/0/organizations/${enc(org)}/code-mappings/`,
        query: { project: projectId, per_page: pageSize },
        serverUrl: this.regions.serverFor(org),
        signal,
        what: orgWhat(org, 'the code mappings', 'org:read'),
      },
      codeMappingSchema,
    );
    // Reading code mappings needs integration access many tokens lack; they only refine path matching.
    if (!answer.ok && (answer.error.kind === 'forbidden' || answer.error.kind === 'notFound')) return ok([]);
    return answer;
  }

  /**
   * Every page of a list, following the `Link` cursor, within bounds: at most `maxItems` items (never above
   * `maxListItems`), a page count those items justify, and no cursor twice. A cut-short list is still an answer, with
   * a warning saying why.
   */
  private async listAll<T>(
    request: Omit<HttpRequest<unknown>, 'method' | 'schema'>,
    itemSchema: z.ZodType<T>,
    options: ListOptions<T> = {},
  ): Promise<Result<T[], ApiError>> {
    const maxItems = Math.min(options.maxItems ?? maxListItems, maxListItems);
    const maxPages = Math.ceil(maxItems / pageSize) + spareListPages;
    const items: T[] = [];
    const seenCursors = new Set<string>();
    const seenKeys = new Set<string>();
    let cursor: string | undefined;
    for (let pages = 1; ; pages++) {
      // Pages go ahead of queued requests: each page releases work (latest events) that should start early.
      const answer = await this.http.send({
        ...request,
        method: 'GET',
        query: { ...request.query, cursor },
        schema: z.array(itemSchema),
        urgent: true,
      });
      if (!answer.ok) return answer;
      const fresh = options.keyOf ? newItems(answer.value.data, options.keyOf, seenKeys) : answer.value.data;
      const page = fresh.slice(0, maxItems - items.length);
      items.push(...page);
      options.onPage?.(page);
      // Short and even empty pages happen while `results="true"`; only the header ends the walk.
      const next = parseNextPage(single(answer.value.headers.link));
      if (!next.hasMore || !next.cursor) return ok(items);
      const repeated = answer.value.data.length > 0 && fresh.length === 0;
      const cut = truncation(
        request.what.subject,
        items.length,
        maxItems,
        options.maxItems !== undefined,
        pages,
        maxPages,
        seenCursors.has(next.cursor) || repeated,
      );
      if (cut !== undefined) {
        if (cut.warn) this.log.warn(cut.message);
        options.onTruncated?.(cut.message);
        return ok(items);
      }
      seenCursors.add(next.cursor);
      cursor = next.cursor;
    }
  }

  /** The organization's `links.regionUrl`: where its data lives on sentry.io (e.g. us.sentry.io). */
  private async regionUrlOf(org: string): Promise<string | undefined> {
    const answer = await this.http.send({
      method: 'GET',
      path: `/api/0/organizations/${enc(org)}/`,
      schema: organizationSchema,
      what: orgWhat(org, 'the organization', 'org:read'),
    });
    return answer.ok ? answer.value.data.links?.regionUrl : undefined;
  }
}

/** The backend the server says it is; remembered in `facts` unless the server was busy or out of reach. */
async function probeBackend(options: SentryClientOptions): Promise<BackendKind> {
  const probe = new SentryHttp({ ...options, retry: { maxRetries: 0, maxIdleWindows: 0 } });
  const answer = await probe.send({
    method: 'GET',
    path: '/api/settings/',
    schema: glitchtipSettingsSchema,
    authenticated: false,
    what: { subject: 'server settings', scope: 'none', notFound: 'no settings endpoint' },
  });
  await probe.close();
  const kind: BackendKind =
    answer.ok && answer.value.data.version !== undefined && 'iPaidForGlitchTip' in answer.value.data
      ? 'glitchtip'
      : 'sentry';
  options.log.debug(`Backend at ${options.baseUrl}: ${kind}`);
  if (answer.ok || !(isServerBusy(answer.error) || answer.error.kind === 'cancelled'))
    options.facts?.rememberBackend(options.baseUrl, kind);
  return kind;
}

/** The items not seen before (recorded as seen now), in order: a server whose cursors loop sends old ones again. */
function newItems<T>(items: readonly T[], keyOf: (item: T) => string, seen: Set<string>): T[] {
  const fresh: T[] = [];
  for (const item of items) {
    const key = keyOf(item);
    if (seen.has(key)) continue;
    seen.add(key);
    fresh.push(item);
  }
  return fresh;
}

/** Why a list with more pages stops here, if it does; a cap the caller chose is no cause for a warning. */
function truncation(
  subject: string,
  items: number,
  maxItems: number,
  callerCap: boolean,
  pages: number,
  maxPages: number,
  looping: boolean,
): { message: string; warn: boolean } | undefined {
  if (items >= maxItems)
    return { message: `Read only the first ${items} of ${subject}; Sentry has more.`, warn: !callerCap };
  if (looping)
    return {
      message: `Stopped reading ${subject} after ${pages} pages: Sentry's page cursors loop (a cursor or a page came twice). The list may be incomplete; refresh later, and report it if it lasts.`,
      warn: true,
    };
  if (pages >= maxPages)
    return {
      message: `Stopped reading ${subject} after ${pages} pages (${items} items): Sentry kept sending more pages. The list may be incomplete; refresh later, and report it if it lasts.`,
      warn: true,
    };
  return undefined;
}

const updateAnswerSchema = z.looseObject({ status: z.string().nullish() }).nullable();

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

function orgWhat(org: string, subject: string, scope: string): RequestDescription {
  return {
    subject: `${subject} of organization "${org}"`,
    scope,
    notFound: `organization "${org}" was not found, or the token cannot see it`,
  };
}

function issueWhat(org: string, issueId: string, scope: string): RequestDescription {
  return {
    subject: `issue ${issueId}`,
    scope,
    notFound: `issue ${issueId} was not found in organization "${org}" (deleted or merged?)`,
  };
}

function describeAction(change: IssueChange): string {
  const names: Record<IssueChange['action'], string> = {
    resolve: 'resolve issues',
    resolveInNextRelease: 'resolve issues in the next release',
    resolveInRelease: 'resolve issues in a release',
    unresolve: 'unresolve issues',
    archive: 'archive issues',
    archiveFor: 'archive issues for a while',
    assign: 'assign issues',
    unassign: 'unassign issues',
    bookmark: 'bookmark issues',
  };
  return names[change.action];
}
