// Decides what one refresh tells the user: at most one notification (one issue, or a summary of several) over all
// freshly loaded folders, leaving out muted issues and issues still in their cool-down, and what to remember of it.
import { alertReasons, pruned, withAlerted, type AlertMemory } from './alertMemory';
import type { AlertSettings } from './alertSettings';
import { alertText, type AlertedIssue } from './alertText';
import { qualifyingIssues, type AlertFolder, type QualifyingIssue } from './qualifyingIssues';

export type { AlertFolder } from './qualifyingIssues';
export type { AlertedIssue } from './alertText';

export interface AlertInput {
  /** The folders this refresh loaded afresh (never cached snapshots: those were alerted on when they were fresh). */
  readonly folders: readonly AlertFolder[];
  readonly settings: AlertSettings;
  readonly memory: AlertMemory;
  readonly now: Date;
}

export interface Alert {
  /** Most pressing first. */
  readonly issues: readonly AlertedIssue[];
  readonly text: string;
  /** Regressions and bursts of events warn; new issues only inform. */
  readonly severity: 'warning' | 'information';
}

export interface AlertDecision {
  readonly alert?: Alert;
  readonly memory: AlertMemory;
  /** Issues that qualified but stayed silent, so the log can say why nothing was shown. */
  readonly held: { readonly muted: number; readonly coolingDown: number };
  /** Set when alerts are off or in quiet mode: nothing was looked at and the memory is unchanged. */
  readonly silenced?: 'disabled' | 'quietMode';
}

export function decideAlert(input: AlertInput): AlertDecision {
  const { settings, memory, now } = input;
  if (!settings.enabled || settings.quietMode)
    return { memory, held: { muted: 0, coolingDown: 0 }, silenced: settings.enabled ? 'quietMode' : 'disabled' };
  const muted = new Set(memory.muted);
  const held = { muted: 0, coolingDown: 0 };
  const due: QualifyingIssue[] = [];
  for (const candidate of qualifyingIssues(input.folders, settings.eventsPerHourThreshold, now)) {
    if (muted.has(candidate.key)) {
      held.muted += 1;
      continue;
    }
    const reasons = candidate.reasons.filter((reason) =>
      mayAlertAgain(memory.alerted[candidate.key]?.[reason], candidate.issue.lastSeen, settings.cooldownHours, now),
    );
    if (reasons.length === 0) held.coolingDown += 1;
    else due.push({ ...candidate, reasons });
  }
  const alerted = due.sort(mostPressingFirst).map(alertedIssue);
  const remembered = pruned(withAlerted(memory, alerted, now), now);
  if (alerted.length === 0) return { memory: remembered, held };
  const severity = alerted.some((issue) => issue.reasons[0] !== 'newInRelease') ? 'warning' : 'information';
  return {
    alert: { issues: alerted, text: alertText(alerted, settings.eventsPerHourThreshold), severity },
    memory: remembered,
    held,
  };
}

/**
 * Never within the cool-down; after it only when the issue had events since that alert (an issue that stays
 * regressed but quiet does not nag once a day).
 */
function mayAlertAgain(
  lastAlertAt: string | undefined,
  lastSeen: string | null | undefined,
  cooldownHours: number,
  now: Date,
): boolean {
  if (lastAlertAt === undefined) return true;
  const alertedAt = Date.parse(lastAlertAt);
  if (now.getTime() - alertedAt < cooldownHours * 3_600_000) return false;
  const seenAt = lastSeen ? Date.parse(lastSeen) : Number.NaN;
  return Number.isNaN(seenAt) || seenAt > alertedAt;
}

function alertedIssue({ issue, key, release, reasons, eventsLastHour }: QualifyingIssue): AlertedIssue {
  return { issueId: issue.id, key, shortId: issue.shortId, title: issue.title, release, reasons, eventsLastHour };
}

/** Regressions, then bursts, then new issues; within each, the busiest first. */
function mostPressingFirst(a: QualifyingIssue, b: QualifyingIssue): number {
  const rank = (candidate: QualifyingIssue): number => alertReasons.indexOf(candidate.reasons[0] ?? 'newInRelease');
  return rank(a) - rank(b) || b.eventsLastHour - a.eventsLastHour || b.issue.count - a.issue.count;
}
