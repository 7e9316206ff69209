// The one line a notification says: for one issue its short id, what happened and its title; for several, how many
// of each kind and the first few titles (a short id alone says nothing to the reader). Titles come from event text, so
// they are flattened to one safe, bounded line.
import { plural } from '../format/counts';
import { oneLine } from '../format/untrustedText';
import type { AlertReason } from './alertMemory';

export interface AlertedIssue {
  readonly issueId: string;
  /** The issue's key in the alert memory (see qualifyingIssues' alertKey). */
  readonly key: string;
  readonly shortId: string;
  readonly title: string;
  readonly release?: string;
  /** Most pressing first. */
  readonly reasons: readonly AlertReason[];
  readonly eventsLastHour: number;
}

const shownTitles = 3;
/** Per title in a summary: a notification has room for a few short titles, not for one long message. */
const summaryTitleLength = 60;

export function alertText(issues: readonly AlertedIssue[], eventsPerHourThreshold: number): string {
  const [only] = issues;
  if (only && issues.length === 1)
    return `Sentry: ${oneLine(only.shortId, 40)} ${reasonsPhrase(only)}: ${oneLine(only.title, 100)}`;
  const release = commonRelease(issues);
  // Titles hold commas of their own: semicolons keep them apart.
  const titles = issues.slice(0, shownTitles).map((issue) => `"${oneLine(issue.title, summaryTitleLength)}"`);
  const more = issues.length > shownTitles ? `; and ${issues.length - shownTitles} more` : '';
  return `Sentry${release ? ` (${oneLine(release, 60)})` : ''}: ${joined(summaryParts(issues, eventsPerHourThreshold))}: ${titles.join('; ')}${more}`;
}

/** What happened to one issue, e.g. "regressed in shop@1.2.0 and had 230 events in the last hour". */
export function reasonsPhrase(issue: AlertedIssue): string {
  return joined(issue.reasons.flatMap((reason) => phrasesOf(reason, issue)));
}

function phrasesOf(reason: AlertReason, issue: AlertedIssue): string[] {
  const inRelease = issue.release ? ` in ${oneLine(issue.release, 60)}` : '';
  if (reason === 'regressed') return [`regressed${inRelease}`];
  if (reason === 'eventsPerHour') return [`had ${issue.eventsLastHour} events in the last hour`];
  return [`is new${inRelease}`, 'touches this workspace'];
}

/** Each issue counts once, under its most pressing reason. */
function summaryParts(issues: readonly AlertedIssue[], threshold: number): string[] {
  const count = (reason: AlertReason): number => issues.filter((issue) => issue.reasons[0] === reason).length;
  const parts: string[] = [];
  const regressions = count('regressed');
  const busy = count('eventsPerHour');
  const fresh = count('newInRelease');
  if (regressions > 0) parts.push(plural(regressions, 'regression'));
  if (busy > 0) parts.push(`${plural(busy, 'issue')} with more than ${threshold} events in the last hour`);
  if (fresh > 0) parts.push(`${plural(fresh, 'new issue')} touching this workspace`);
  return parts;
}

function commonRelease(issues: readonly AlertedIssue[]): string | undefined {
  const releases = new Set(issues.map((issue) => issue.release));
  const [release] = releases;
  return releases.size === 1 ? release : undefined;
}

/** "a", "a and b", "a, b and c". */
function joined(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
