// The fake server's data model: what a Sentry organization holds, typed, mutable by tests between requests.
import { JsonObject } from './json';

export type IssueStatus = 'unresolved' | 'resolved' | 'ignored';
export type IssueSubstatus =
  | 'archived_until_escalating'
  | 'archived_until_condition_met'
  | 'archived_forever'
  | 'escalating'
  | 'ongoing'
  | 'regressed'
  | 'new';
export type IssueLevel = 'sample' | 'debug' | 'info' | 'warning' | 'error' | 'fatal' | 'unknown';
export type IssuePriority = 'low' | 'medium' | 'high';

export interface FakeOrganization {
  id: string;
  slug: string;
  name: string;
  /** `links.regionUrl`. Unset means the answering server's own URL; another server's URL turns on region mode. */
  regionUrl?: string;
  /** `links.organizationUrl`. Unset means the answering server's own URL (as on self-hosted Sentry). */
  organizationUrl?: string;
}

export interface FakeProject {
  id: string;
  slug: string;
  name: string;
  platform: string;
  /** Organization slug. */
  organization: string;
}

export interface FakeRelease {
  id: number;
  version: string;
  /** Organization slug. */
  organization: string;
  dateCreated: string;
  dateReleased: string | null;
  projectIds: string[];
  /** Unset means: the number of issues whose `firstRelease` is this version. */
  newGroups?: number;
}

/** Events of one issue in one release and environment: the rows `filtered` and environment-scoped counts sum. */
export interface FakeEventCount {
  release: string | null;
  environment: string;
  count: number;
  /** Summed across rows, which over-counts users seen in several rows; good enough for a fake. */
  userCount: number;
  firstSeen: string;
  lastSeen: string;
}

export interface FakeAssignee {
  type: 'user' | 'team';
  id: string;
  name: string;
  email?: string;
}

export interface FakeTagValue {
  value: string;
  count: number;
  firstSeen: string;
  lastSeen: string;
}

export interface FakeTag {
  key: string;
  name: string;
  values: FakeTagValue[];
}

export type SourceContext = Array<[number, string]>;

export interface FakeFrame {
  filename: string | null;
  absPath: string | null;
  module: string | null;
  function: string | null;
  lineNo: number | null;
  colNo: number | null;
  inApp: boolean;
  context: SourceContext;
  /** The frame's local variables as an SDK with local variables on sends them; null when it sent none. */
  vars: JsonObject | null;
}

export interface FakeException {
  type: string;
  value: string;
  module: string | null;
  mechanism: { type: string; handled: boolean };
  /** Oldest caller first, crash site last, as Sentry sends them. */
  frames: FakeFrame[];
  /** The minified frames before source maps were applied; null when no map was applied. */
  rawFrames: FakeFrame[] | null;
}

export interface FakeEvent {
  eventID: string;
  dateCreated: string;
  environment: string;
  release: string | null;
  platform: string;
  /** Cause first, thrown exception last, as Sentry sends them. */
  exceptions: FakeException[];
  /** Top-level event fields that replace the template's, e.g. `user`, `contexts`, `errors`. */
  extraFields: JsonObject;
}

export interface FakeIssue {
  id: string;
  shortId: string;
  title: string;
  culprit: string | null;
  level: IssueLevel;
  status: IssueStatus;
  substatus: IssueSubstatus | null;
  statusDetails: JsonObject;
  platform: string;
  /** All-time totals; environment filters replace them with sums over `eventCounts`. */
  count: number;
  userCount: number;
  firstSeen: string;
  lastSeen: string;
  /** Unset means `<server url>/organizations/<org>/issues/<id>/`. */
  permalink?: string;
  metadata: JsonObject;
  projectId: string;
  assignedTo: FakeAssignee | null;
  firstRelease: string | null;
  lastRelease: string | null;
  isBookmarked: boolean;
  hasSeen: boolean;
  isUnhandled: boolean;
  priority: IssuePriority | null;
  eventCounts: FakeEventCount[];
  /** Any order; "latest" is the newest by `dateCreated`. */
  events: FakeEvent[];
  /** The `recommended` event; unset means the latest. */
  recommendedEventId?: string;
  /** Tag distributions beyond the ones derived from `eventCounts` (release, environment, level); same key replaces. */
  tags: FakeTag[];
  /**
   * Emulates Sentry's post-query filter (`# HACK: remove auto resolved entries`): the issue counts in `X-Hits`
   * and takes its place in pagination, but is removed from the page, so pages come out short or empty.
   */
  droppedFromListPages?: boolean;
  /** Fields that replace or add to the serialized issue (list and detail), e.g. to break the schema on purpose. */
  extraFields: JsonObject;
}

export interface FakeMember {
  id: string;
  userId: string;
  email: string;
  name: string;
  /** Organization slug. */
  organization: string;
  orgRole: string;
}

export interface FakeCodeMapping {
  id: string;
  projectId: string;
  repoId: string;
  repoName: string;
  stackRoot: string;
  sourceRoot: string;
  defaultBranch: string;
  automaticallyGenerated: boolean;
}

export interface FakeSentryData {
  /** The data's clock: `statsPeriod` windows and stats buckets count back from here (not from the wall clock). */
  now: string;
  organizations: FakeOrganization[];
  projects: FakeProject[];
  releases: FakeRelease[];
  issues: FakeIssue[];
  members: FakeMember[];
  codeMappings: FakeCodeMapping[];
}

export function emptyData(now = '2025-06-01T12:00:00Z'): FakeSentryData {
  return { now, organizations: [], projects: [], releases: [], issues: [], members: [], codeMappings: [] };
}
