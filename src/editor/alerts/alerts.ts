// Alerts in the editor: after each finished refresh, the folders loaded afresh go through the alert policy, and at most
// one notification is shown. Cached snapshots (stale) and folders whose data did not change since the last look are
// left out, so a restore, a failed refresh or a triage change never alerts. Notifications keep a minimum gap: an alert
// that comes too soon waits, and the check runs again when the gap is over, summing up whatever qualified meanwhile.
import * as vscode from 'vscode';
import { AlertPacing } from '../../core/alerts/alertPacing';
import { decideAlert, type AlertDecision } from '../../core/alerts/alertPolicy';
import type { Logger } from '../../core/log';
import type { IssueSnapshot } from '../../core/state/snapshot';
import type { IssueStore } from '../../core/state/issueStore';
import type { Settings } from '../settings';
import { registerAlertCommands } from './alertCommands';
import type { AlertMemoryState } from './alertMemoryState';
import { showAlert } from './alertNotification';

export interface AlertSource {
  readonly store: IssueStore;
  readonly settings: Settings;
  readonly log: Logger;
  readonly onDidFinishRefresh: vscode.Event<void>;
  /** The issue's page on the server; undefined where there is none (the local Sentry). */
  issueUrl(issueId: string): string | undefined;
}

export function registerAlerts(source: AlertSource, memory: AlertMemoryState): vscode.Disposable {
  /** Folder path -> `loadedAt` of the snapshot already looked at. */
  const looked = new Map<string, string>();
  const pacing = new AlertPacing();
  let recheck: NodeJS.Timeout | undefined;
  const check = (): void => {
    const fresh = freshSnapshots(source.store, looked);
    if (fresh.length === 0) return;
    const now = new Date();
    const decision = decideAlert({ folders: fresh, settings: source.settings.alerts, memory: memory.read(), now });
    const wait = decision.alert ? pacing.delayAt(now.getTime()) : 0;
    if (wait > 0) {
      // Nothing is remembered or marked as looked at, so the later check sees these snapshots (or newer ones) again.
      recheck ??= setTimeout(() => {
        recheck = undefined;
        check();
      }, wait);
      return;
    }
    for (const snapshot of fresh) looked.set(snapshot.folderPath, snapshot.loadedAt);
    if (decision.silenced) return;
    void memory.write(decision.memory);
    source.log.info(logLine(decision));
    if (!decision.alert) return;
    pacing.shownAt(now.getTime());
    const hasPages = decision.alert.issues.some((issue) => source.issueUrl(issue.issueId) !== undefined);
    void showAlert(decision.alert, { hasPages, muteIssues: (keys) => memory.mute(keys) });
  };
  const onRefresh = source.onDidFinishRefresh(check);
  const stopRecheck = new vscode.Disposable(() => clearTimeout(recheck));
  return vscode.Disposable.from(onRefresh, stopRecheck, registerAlertCommands(source.settings, memory));
}

function freshSnapshots(store: IssueStore, looked: ReadonlyMap<string, string>): IssueSnapshot[] {
  return store
    .allFolders()
    .flatMap((folder) =>
      folder.snapshot && !folder.stale && looked.get(folder.folderPath) !== folder.snapshot.loadedAt
        ? [folder.snapshot]
        : [],
    );
}

function logLine(decision: AlertDecision): string {
  const { muted, coolingDown } = decision.held;
  const held = muted + coolingDown > 0 ? ` (held back: ${muted} muted, ${coolingDown} in cool-down)` : '';
  return decision.alert ? `Alert: ${decision.alert.text}${held}` : `Alerts: nothing new${held}`;
}
