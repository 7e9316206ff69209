// Builds a FakeIssue from a few overrides; title, metadata, counts and releases follow from its events and counts.
import { crashFrame, event, thrownException } from './eventBuilder';
import { nextNumericId } from './ids';
import { FakeEvent, FakeEventCount, FakeIssue, FakeProject } from './model';

export interface IssueInput extends Partial<FakeIssue> {
  /** Sets `projectId`, `platform` and the `shortId` prefix. */
  project?: FakeProject;
}

export function eventCount(input: Partial<FakeEventCount> = {}): FakeEventCount {
  return {
    release: input.release === undefined ? null : input.release,
    environment: input.environment ?? 'production',
    count: input.count ?? 10,
    userCount: input.userCount ?? 3,
    firstSeen: input.firstSeen ?? '2025-05-20T08:00:00Z',
    lastSeen: input.lastSeen ?? '2025-06-01T10:00:00Z',
  };
}

export function issue(input: IssueInput = {}): FakeIssue {
  const { project, ...fields } = input;
  const id = fields.id ?? String(nextNumericId());
  const events = fields.events ?? [event()];
  const latest = newestEvent(events);
  const counts = fields.eventCounts ?? [
    eventCount({ release: latest?.release ?? null, environment: latest?.environment ?? 'production' }),
  ];
  const thrown = latest ? thrownException(latest) : undefined;
  const crash = latest ? crashFrame(latest) : undefined;
  const type = thrown?.type ?? 'Error';
  const value = thrown?.value ?? '';
  const culprit = crash ? `${crash.function ?? '?'}(${crash.module ?? crash.filename ?? '?'})` : null;
  return {
    id,
    shortId: fields.shortId ?? `${(project?.slug ?? 'project').toUpperCase()}-${Number(id).toString(36).toUpperCase()}`,
    title: fields.title ?? (value ? `${type}: ${value}` : type),
    culprit: fields.culprit === undefined ? culprit : fields.culprit,
    level: fields.level ?? 'error',
    status: fields.status ?? 'unresolved',
    substatus: fields.substatus === undefined ? defaultSubstatus(fields.status ?? 'unresolved') : fields.substatus,
    statusDetails: fields.statusDetails ?? {},
    platform: fields.platform ?? project?.platform ?? latest?.platform ?? 'javascript',
    count: fields.count ?? sum(counts, (row) => row.count),
    userCount: fields.userCount ?? sum(counts, (row) => row.userCount),
    firstSeen: fields.firstSeen ?? earliest(counts.map((row) => row.firstSeen)) ?? '2025-05-20T08:00:00Z',
    lastSeen: fields.lastSeen ?? latestOf(counts.map((row) => row.lastSeen)) ?? '2025-06-01T10:00:00Z',
    ...(fields.permalink !== undefined ? { permalink: fields.permalink } : {}),
    metadata: fields.metadata ?? {
      type,
      value,
      filename: crash?.filename ?? null,
      function: crash?.function ?? null,
      in_app_frame_mix: inAppFrameMix(latest),
    },
    projectId: fields.projectId ?? project?.id ?? '1',
    assignedTo: fields.assignedTo ?? null,
    firstRelease: fields.firstRelease === undefined ? releaseOfRow(counts, 'first') : fields.firstRelease,
    lastRelease: fields.lastRelease === undefined ? releaseOfRow(counts, 'last') : fields.lastRelease,
    isBookmarked: fields.isBookmarked ?? false,
    hasSeen: fields.hasSeen ?? false,
    isUnhandled: fields.isUnhandled ?? !(thrown?.mechanism.handled ?? false),
    priority: fields.priority === undefined ? 'medium' : fields.priority,
    eventCounts: counts,
    events,
    ...(fields.recommendedEventId !== undefined ? { recommendedEventId: fields.recommendedEventId } : {}),
    tags: fields.tags ?? [],
    ...(fields.droppedFromListPages ? { droppedFromListPages: true } : {}),
    extraFields: fields.extraFields ?? {},
  };
}

export function newestEvent(events: FakeEvent[]): FakeEvent | undefined {
  return [...events].sort((a, b) => Date.parse(b.dateCreated) - Date.parse(a.dateCreated))[0];
}

function defaultSubstatus(status: FakeIssue['status']): FakeIssue['substatus'] {
  if (status === 'unresolved') return 'ongoing';
  if (status === 'ignored') return 'archived_until_escalating';
  return null;
}

function sum<T>(items: T[], of: (item: T) => number): number {
  return items.reduce((total, item) => total + of(item), 0);
}

function earliest(dates: string[]): string | undefined {
  return [...dates].sort((a, b) => Date.parse(a) - Date.parse(b))[0];
}

function latestOf(dates: string[]): string | undefined {
  return [...dates].sort((a, b) => Date.parse(b) - Date.parse(a))[0];
}

function releaseOfRow(rows: FakeEventCount[], which: 'first' | 'last'): string | null {
  const withRelease = rows.filter((row) => row.release !== null);
  const sorted = [...withRelease].sort((a, b) =>
    which === 'first'
      ? Date.parse(a.firstSeen) - Date.parse(b.firstSeen)
      : Date.parse(b.lastSeen) - Date.parse(a.lastSeen),
  );
  return sorted[0]?.release ?? null;
}

function inAppFrameMix(latest: FakeEvent | undefined): string {
  const frames = latest ? (thrownException(latest)?.frames ?? []) : [];
  const inApp = frames.filter((f) => f.inApp).length;
  if (inApp === frames.length) return 'in-app-only';
  return inApp === 0 ? 'system-only' : 'mixed';
}
