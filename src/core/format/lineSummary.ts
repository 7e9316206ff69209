// The after-line text of one marked line, and which style draws it. A raising line reads
// `✖ 1.2k events · 87 users · TypeError: Cannot read…`, several issues `✖ 3 issues · 1.5k events · …`, a line that
// only calls into errors the quieter `↳ called in 3 issues · 1.2k events`. Closed (resolved, archived) issues are left
// out; a line with nothing open left has no summary.
import type { LineHit } from '../index/issueIndex';
import { compactEventsAndUsers, compactPlural } from './compactCounts';
import { levelKind, levelSymbol, strongerLevel, type LevelKind } from './issueLevel';
import { oneLine } from './untrustedText';

export type LineStyle = LevelKind | 'caller';

export interface LineSummary {
  readonly style: LineStyle;
  readonly text: string;
  /** The open hits the summary counts, strongest first. */
  readonly hits: readonly LineHit[];
}

export interface SummaryContext {
  isClosed(issueId: string): boolean;
  /** False where the backend does not count users. */
  readonly withUsers: boolean;
}

/** Long enough to recognise an error, short enough to stay out of the way. */
export const titleLength = 50;

/** Clips at a word boundary where one is near, so the text does not end in half a word (`… undefined (r…`). */
export function clipTitle(title: string, maxLength = titleLength): string {
  const flat = oneLine(title, Number.MAX_SAFE_INTEGER);
  if (flat.length <= maxLength) return flat;
  const cut = flat.slice(0, maxLength - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space >= maxLength * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function issues(count: number): string {
  return count === 1 ? '1 issue' : `${String(count)} issues`;
}

function totals(hits: readonly LineHit[]): { count: number; users: number } {
  // Users are summed across issues: the server does not say how many are the same person, so this is an upper bound.
  return hits.reduce((sum, hit) => ({ count: sum.count + hit.count, users: sum.users + hit.userCount }), {
    count: 0,
    users: 0,
  });
}

function raisedSummary(raised: readonly LineHit[], withUsers: boolean): LineSummary {
  const style = raised.map((hit) => levelKind(hit.level)).reduce(strongerLevel);
  const { count, users } = totals(raised);
  const lead = raised[0] as LineHit;
  const parts = [
    ...(raised.length > 1 ? [issues(raised.length)] : []),
    compactEventsAndUsers(count, users, withUsers),
    clipTitle(lead.title),
  ];
  return { style, text: `${levelSymbol[style]} ${parts.join(' · ')}`, hits: raised };
}

function callerSummary(callers: readonly LineHit[]): LineSummary {
  const events = totals(callers).count;
  return {
    style: 'caller',
    text: `↳ called in ${issues(callers.length)} · ${compactPlural(events, 'event')}`,
    hits: callers,
  };
}

/** Hits must be strongest first (as the index keeps them); the summary's lead title is the first raised hit's. */
export function summarizeLine(hits: readonly LineHit[], context: SummaryContext): LineSummary | undefined {
  const open = hits.filter((hit) => !context.isClosed(hit.issueId));
  const raised = open.filter((hit) => hit.role === 'raised');
  if (raised.length > 0) return raisedSummary(raised, context.withUsers);
  return open.length > 0 ? callerSummary(open) : undefined;
}
