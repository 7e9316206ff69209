// One issue's latest event as a load sees it: loaded, skipped for good (gone, unreadable), or missing because the
// server was busy or failing, which makes the load incomplete until a later refresh gets it.
import type { SentryClient } from '../api/client';
import { isServerBusy, type ApiError } from '../api/errors';
import type { IssueEvent } from '../api/eventSchema';
import type { Issue } from '../api/issueSchema';
import type { Result } from '../result';

export type EventOutcome =
  | { readonly kind: 'loaded'; readonly event: IssueEvent }
  /** Asking again would not change the answer (404, an unreadable body, no permission): a warning says so. */
  | { readonly kind: 'skipped'; readonly warning: string }
  /** Rate limits, 5xx, timeouts, a dropped connection: the next refresh asks again. */
  | { readonly kind: 'missing'; readonly error: ApiError };

export interface EventFilter {
  readonly environments?: readonly string[];
  /** Sentry search such as `release:"x"`; without a match the issue's latest event at all is taken. */
  readonly query?: string;
  readonly signal?: AbortSignal;
}

/** The latest event matching the release; if the release has none in the window, the issue's latest at all. */
export async function latestEventOf(
  client: SentryClient,
  org: string,
  issueId: string,
  filter: EventFilter,
): Promise<Result<IssueEvent, ApiError>> {
  const answer = await client.latestEvent(org, issueId, filter);
  if (answer.ok || answer.error.kind !== 'notFound' || !filter.query) return answer;
  const anyEvent = await client.latestEvent(org, issueId, { environments: filter.environments, signal: filter.signal });
  return anyEvent.ok || isServerBusy(anyEvent.error) ? anyEvent : answer;
}

export async function latestEventOutcome(
  client: SentryClient,
  org: string,
  issue: Issue,
  filter: EventFilter,
): Promise<EventOutcome> {
  const answer = await latestEventOf(client, org, issue.id, filter);
  if (answer.ok) return { kind: 'loaded', event: answer.value };
  if (isServerBusy(answer.error)) return { kind: 'missing', error: answer.error };
  return { kind: 'skipped', warning: `No stack trace for ${issue.shortId}: ${answer.error.message}` };
}
