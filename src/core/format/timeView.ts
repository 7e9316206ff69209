// An instant as the panel shows it: the hover's words ("3 hours ago") with the exact ISO time for a tooltip.
import type { TimeView } from './issueViewModel';
import { timeAgo } from './timeAgo';

export function timeView(iso: string | null | undefined, now: number): TimeView | undefined {
  const relative = timeAgo(iso ?? undefined, now);
  return relative === undefined || !iso ? undefined : { iso: new Date(Date.parse(iso)).toISOString(), relative };
}
