// Builds the issue panel's view model from an issue, its latest event and its tag distributions: header, user impact,
// exception chain, breadcrumbs, tags, request and user. Pure, so it runs in Node tests; the host adds frame links.
import type { BackendCapabilities } from '../api/backend';
import { stackOfEvent, tagOf, type IssueEvent } from '../api/eventSchema';
import type { Issue, IssueTag } from '../api/issueSchema';
import { scrubEventBody } from '../privacy/scrubEvent';
import { breadcrumbViews } from './breadcrumbView';
import { formatCount } from './counts';
import { exceptionViews } from './exceptionView';
import { statusView } from './panelStatus';
import type { EventView, FrameLink, HeaderView, ImpactView, IssueViewModel, StoryView } from './issueViewModel';
import { optionalPageText, pageText } from './pageText';
import { timeView } from './timeView';
import { requestView } from './requestView';
import { chartsOfStats } from './sparkline';
import { environmentsOf, eventContexts, eventTags, tagDistributions } from './tagView';
import { availableTriageActions } from './triageActions';
import { userView } from './userDataView';
import { issueStoryText } from './issueStoryText';
import { storyOf } from '../tracking/issueStory';

export interface IssueViewInput {
  readonly issue: Issue;
  readonly event?: IssueEvent;
  readonly tags: readonly IssueTag[];
  /** Undefined while the issue's server is not known: only the actions every backend has are offered. */
  readonly capabilities?: BackendCapabilities;
  /** The issue's page on Sentry as the editor knows it; the issue's own permalink when left out; null: it has none. */
  readonly permalink?: string | null;
  readonly showUserData: boolean;
  /** Milliseconds since the epoch, for "3 hours ago". */
  readonly now: number;
  /** Workspace locations of frames, keyed by `frameKey`. */
  readonly frameLinks?: ReadonlyMap<string, FrameLink>;
  /** The workspace's release, which the issue's story is told against ("New in …"). */
  readonly release?: string;
}

/** Only web links: the page shows this and the host opens it, so nothing else may pass. */
function webLink(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.toString() : undefined;
  } catch {
    return undefined;
  }
}

function assigneeOf(issue: Issue): string | undefined {
  const assignee = issue.assignedTo;
  if (!assignee) return undefined;
  const label =
    assignee.name ?? assignee.email ?? (assignee.id ? `${assignee.type ?? 'user'} ${assignee.id}` : undefined);
  return optionalPageText(label, 200);
}

function headerView(input: IssueViewInput): HeaderView {
  const { issue } = input;
  const status = statusView(issue);
  const story = storyView(input);
  return {
    title: pageText(issue.title, 1000),
    shortId: pageText(issue.shortId, 100),
    level: pageText(issue.level, 50),
    culprit: optionalPageText(issue.culprit, 1000),
    platform: optionalPageText(issue.platform, 100),
    project: optionalPageText(issue.project.name ?? issue.project.slug, 200),
    status,
    assignee: assigneeOf(issue),
    permalink: input.permalink === null ? undefined : (webLink(input.permalink) ?? webLink(issue.permalink)),
    // "Resolved in the next release" twice says nothing more: the story shows when it adds to the status.
    ...(story.headline.toLowerCase() === status.label.toLowerCase() ? {} : { story }),
  };
}

function storyView({ issue, release }: IssueViewInput): StoryView {
  const told = issueStoryText(storyOf(issue, release), release);
  const releases = optionalPageText(told.releases, 300);
  return { kind: told.kind, headline: pageText(told.headline, 300), ...(releases ? { releases } : {}) };
}

function impactView(input: IssueViewInput): ImpactView {
  const { issue } = input;
  return {
    events: formatCount(issue.count),
    users: input.capabilities?.userCounts === false ? undefined : formatCount(issue.userCount),
    firstSeen: timeView(issue.firstSeen, input.now),
    lastSeen: timeView(issue.lastSeen, input.now),
    firstRelease: optionalPageText(issue.firstRelease?.version, 200),
    lastRelease: optionalPageText(issue.lastRelease?.version, 200),
    environments: environmentsOf(input.tags, input.event),
    charts: chartsOfStats(issue.stats),
    distributions: tagDistributions(input.tags, input.showUserData),
  };
}

/**
 * The text of a message event (`capture_message`, log records). The event's top-level `message` of an exception event
 * is Sentry's search text (type, value, file, URL run together), so it counts only when there is no exception.
 */
function messageOf(event: IssueEvent, hasExceptions: boolean): string | undefined {
  const entry = event.entries.find((candidate) => candidate.type === 'message');
  const data = entry?.data as { formatted?: unknown; message?: unknown } | null | undefined;
  const text = data?.formatted ?? data?.message ?? (hasExceptions ? undefined : event.message);
  return optionalPageText(text, 5000);
}

function releaseOf(event: IssueEvent): string | undefined {
  const release = typeof event.release === 'string' ? event.release : event.release?.version;
  return optionalPageText(release ?? tagOf(event, 'release'), 200);
}

function eventView(sent: IssueEvent, input: IssueViewInput): EventView {
  // Any server's event gets the local server's scrubbing (a hosted Sentry may have it off), and query values stay
  // hidden unless the user data setting is on; the user, tags and client addresses follow the views' own rules.
  const event = scrubEventBody(sent, { keepIpAddresses: true, allQueryValues: !input.showUserData });
  const { breadcrumbs, omitted } = breadcrumbViews(event);
  const exceptions = exceptionViews(stackOfEvent(event), input.frameLinks ?? new Map());
  return {
    id: pageText(event.eventID ?? event.id, 100),
    dateCreated: timeView(event.dateCreated, input.now),
    release: releaseOf(event),
    environment: optionalPageText(tagOf(event, 'environment'), 200),
    message: messageOf(
      event,
      exceptions.some((exception) => exception.kind === 'exception'),
    ),
    exceptions,
    breadcrumbs,
    omittedBreadcrumbs: omitted,
    tags: eventTags(event, input.showUserData),
    contexts: eventContexts(event),
    request: requestView(event, input.showUserData),
    user: userView(event, input.showUserData),
  };
}

export function buildIssueViewModel(input: IssueViewInput): IssueViewModel {
  return {
    issueId: input.issue.id,
    header: headerView(input),
    impact: impactView(input),
    event: input.event ? eventView(input.event, input) : undefined,
    actions: availableTriageActions(input.capabilities),
    userDataShown: input.showUserData,
  };
}
