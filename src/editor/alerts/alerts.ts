// Alerts in the editor: after each finished refresh, the folders loaded afresh go through the alert policy, and at most
// one notification is shown. Cached snapshots (stale) and folders whose data did not change since the last look are
// left out, so a restore, a failed refresh or a triage change never alerts.
import * as vscode from 'vscode';
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
}

export function registerAlerts(source: AlertSource, memory: AlertMemoryState): vscode.Disposable {
  /** Folder path -> `loadedAt` of the snapshot already looked at. */
  const looked = new Map<string, string>();
  const onRefresh = source.onDidFinishRefresh(() => {
    const fresh = freshSnapshots(source.store, looked);
    if (fresh.length === 0) return;
    for (const snapshot of fresh) looked.set(snapshot.folderPath, snapshot.loadedAt);
    const decision = decideAlert({ folders: fresh, settings: source.settings.alerts, memory: memory.read(), now: new Date() });
    if (decision.silenced) return;
    void memory.write(decision.memory);
    source.log.info(logLine(decision));
    if (decision.alert) void showAlert(decision.alert, (issueIds) => memory.mute(issueIds));
  });
  return vscode.Disposable.from(onRefresh, registerAlertCommands(source.settings, memory));
}

function freshSnapshots(store: IssueStore, looked: ReadonlyMap<string, string>): IssueSnapshot[] {
  return store.allFolders().flatMap((folder) => (folder.snapshot && !folder.stale && looked.get(folder.folderPath) !== folder.snapshot.loadedAt ? [folder.snapshot] : []));
}

function logLine(decision: AlertDecision): string {
  const { muted, coolingDown } = decision.held;
  const held = muted + coolingDown > 0 ? ` (held back: ${muted} muted, ${coolingDown} in cool-down)` : '';
  return decision.alert ? `Alert: ${decision.alert.text}${held}` : `Alerts: nothing new${held}`;
}
