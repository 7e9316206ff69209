// The fake Sentry (and GlitchTip) Web API server that client and CLI tests run against over real HTTP on 127.0.0.1.
/*
 * USAGE
 *   const fake = await startFakeSentry();                 // Sentry flavour, defaultScenario() data
 *   try { ...client with baseUrl fake.url and token DEFAULT_TOKEN... } finally { await fake.close(); }
 *
 * startFakeSentry(options?: FakeSentryOptions): Promise<FakeSentry>
 *   options.flavour            'sentry' (default) | 'glitchtip'
 *   options.data               FakeSentryData, default defaultScenario(); stays live (fake.data), mutate between requests
 *   options.tokens             Record<token, scopes[]>, default { [DEFAULT_TOKEN]: ALL_SCOPES }
 *   options.rateLimit          Partial<{limit, remaining, resetAfterSeconds, concurrentLimit}> | false
 *                              (defaults 40, 39, 1, 25; false = no X-Sentry-Rate-Limit-* headers, like self-hosted)
 *   options.concurrencyLimit   n: a request arriving while more than n are in flight gets 429
 *   options.rateWindows        fixed per-endpoint windows [{name, method?, path: RegExp, limit, seconds}], e.g.
 *                              sentryIoWindows (details 5/s, events 15/s, tags 10/s, lists 40/s); over the limit a 429
 *                              (bare string); their Limit/Remaining/Reset headers; fake.windowCounts {admitted, refused}
 *   options.tooManyRequestsBody 'bareString' (default, sentry-api-notes §3.8) | 'detailObject' (`{"detail": ...}`, current Sentry source)
 *   options.retryAfterSeconds  GlitchTip 429 Retry-After (default 1)
 *   options.responseDelayMs    delay every answer (so concurrent requests overlap); cancelled by close()
 *   options.linkOrigin         origin written into Link URLs (e.g. 'https://acme.sentry.io') to prove only the cursor is reused
 *   options.glitchtipVersion   version in GlitchTip's GET /api/settings/
 *   options.discover           false: the organization events endpoint answers 404 (default true)
 *
 * FakeSentry
 *   url: string                         'http://127.0.0.1:<port>' (no trailing slash)
 *   flavour, data (get/set), requests: RecordedRequest[], issueUpdates: {issueId, body}[], maxConcurrency: number
 *   inject(fault: Fault)                 { method?, path: string | RegExp, times? (default 1), status?, body? (raw text),
 *                                          headers?, delayMs?, destroySocket?: true, endlessBody?: true (headers and
 *                                          one byte, then silence), endlessCursor?: true (first page again, Link to a
 *                                          fresh cursor every time) }
 *                                        string path = exact pathname; RegExp = tested on pathname + search.
 *                                        status without body -> the backend's own body for it (401/403/404 detail,
 *                                        429 rate-limit text, 500 {detail, errorId}, 502/503/504 nginx HTML).
 *                                        Only delayMs/headers -> served normally after the delay, headers added.
 *   clearFaults(), requestsTo(path, method?), pendingDelays (0 after close), close()
 *   RecordedRequest: { method, path, query: Record<string,string[]>, search, headers, hasAuthorization,
 *                      authorization, body, json, status?, startedAt, endedAt? (sharedNow(): roundTrips.ts) }
 *
 * SENTRY FLAVOUR ROUTES (all under /api/0/, Bearer token; 401 {"detail":"Invalid token"}, 403 permission detail)
 *   GET  /api/0/                                   {version, auth:{scopes}|null, user|null}; no token -> nulls
 *   GET  organizations/                            per_page/cursor ("100:1:0" page cursors), links.regionUrl
 *   GET  organizations/{org}/projects/ | environments/ | members/ | code-mappings/?project=
 *   GET  organizations/{org}/releases/?project=&query=&per_page=&cursor=   newest first, query = substring
 *   GET  organizations/{org}/releases/{version}/   404 {"detail":"The requested resource does not exist"}
 *   GET  organizations/{org}/issues/?project=&query=&environment=&statsPeriod=&start=&end=&sort=&limit=&cursor=
 *        &groupStatsPeriod=&group=   default query is:unresolved; sort date|new|freq|user; limit<=100 (else 400);
 *        keyset cursors "value:offset:is_prev"; Link always has previous and next; X-Hits, X-Max-Hits;
 *        `filtered` from FakeIssue.eventCounts when the query has release: (null otherwise);
 *        issues with droppedFromListPages leave their page but keep their place (short/empty pages, results="true")
 *   GET  organizations/{org}/issues/{id|shortId}/  details (firstRelease/lastRelease, tags, stats 24h+30d)
 *   PUT  organizations/{org}/issues/{id}/          partial body: status (incl. resolvedInNextRelease), statusDetails,
 *                                                  substatus, assignedTo (user:<id>|team:<id>|email|username|""),
 *                                                  isBookmarked, hasSeen, priority; returns details; recorded
 *   GET  organizations/{org}/issues/{id}/events/{latest|oldest|recommended|<eventId>}/?environment=&query=release:x
 *   GET  organizations/{org}/issues/{id}/events/   list
 *   GET  organizations/{org}/issues/{id}/tags/?key=&limit=   and tags/{key}/
 *   GET  organizations/{org}/events/?dataset=errors&field=&query=&project=&environment=&statsPeriod=&sort=&per_page=&cursor=
 *        Discover over error events: rows keyed by the fields asked (at most 20), `{data, meta: {fields, units}}`;
 *        query issue.id:[…] id:[…] release: project.id: environment:; a function field (latest_event(), count(),
 *        last_seen()) groups by the others; stack.* arrays aligned per frame (stack.stack_level = exception index);
 *        options.discover = false answers 404 (self-hosted without the feature); GlitchTip has no such route
 *   GET  /api/0/issues/... (top level)             410 brownout {"message":"This API no longer exists."}
 *   Region mode: set data.organizations[i].regionUrl to another fake's url (both may share one data object);
 *   this server then answers that org's issue/event/tag calls 404 with header WRONG_REGION_HEADER.
 *
 * GLITCHTIP FLAVOUR
 *   GET /api/settings/ (no auth); issue detail/events/tags only at /api/0/issues/{id}/... (org-scoped events/tags
 *   404; the org-scoped detail path exists for PUT only, so GET there is 405 as django-ninja answers); no links.regionUrl;
 *   PUT at both paths honours only status; userCount 0, no filtered/firstRelease; sort last_seen|first_seen|count|
 *   priority with optional "-" (others 422); no default query; limit default 50; base64 cursors; Link wrapped as
 *   {'...'} and a page-less link has no cursor attribute; 429 {"message":"Please retry later"} with Retry-After;
 *   no rate-limit headers.
 *
 * DATA: model.ts types; builders issue(), event(), frame(), exception(), eventCount(), organization(), project(),
 *   release(), member(), codeMapping(); defaultScenario() + `scenario` names + scenarioSources (file texts the
 *   frames point into, with lineOf()); addManyIssues(data, n, {projectId?, release?, environment?, dropEvery?}).
 * CONFORMANCE: responseSchema(method, path) and checkSchema(schema, value) check answers against openapi-subset.json.
 */
export { startFakeSentry, withFakeSentry, FakeSentry, WRONG_REGION_HEADER } from './server';
export { ALL_SCOPES, DEFAULT_TOKEN } from './options';
export type { FakeSentryOptions, Flavour, IssueUpdate, RateLimitSettings } from './options';
export { faultBodies } from './faults';
export type { Fault } from './faults';
export type { RecordedRequest } from './requestLog';
export { tooFrequentMessage } from './rateLimit';
export { sentryIoWindows } from './rateWindows';
export type { RateWindowRule, WindowCounts } from './rateWindows';
export * from './model';
export { issue, eventCount } from './issueBuilder';
export type { IssueInput } from './issueBuilder';
export { event, exception, frame, contextFromSource } from './eventBuilder';
export type { EventInput, ExceptionInput, FrameInput } from './eventBuilder';
export { organization, project, release, member, codeMapping } from './entityBuilders';
export { defaultScenario, addManyIssues, scenario } from './scenario';
export type { ManyIssuesOptions } from './scenario';
export { scenarioSources, lineOf } from './scenarioSources';
export { loadExample } from './examples';
export type { ExampleName } from './examples';
export { parseIssueQuery, IssueQueryError } from './issueQuery';
export type { ParsedIssueQuery, SearchFilter } from './issueQuery';
export { checkSchema } from './schemaCheck';
export type { SchemaViolation } from './schemaCheck';
export { responseSchema } from './openApiSubset';
export type { JsonObject, JsonValue } from './json';
