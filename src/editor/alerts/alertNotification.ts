// Shows one alert as a notification with Show, Open in Sentry (where the issues have pages) and Mute, and carries out
// the choice: for several issues Show and Open in Sentry first ask which one.
import * as vscode from 'vscode';
import type { Alert, AlertedIssue } from '../../core/alerts/alertPolicy';
import { reasonsPhrase } from '../../core/alerts/alertText';
import { oneLine } from '../../core/format/untrustedText';
import { commandIds } from '../commandIds';

const show = 'Show';
const openInSentry = 'Open in Sentry';
const mute = 'Mute';

export interface AlertActions {
  /** False when no alerted issue has a page to open (the local Sentry has none): Open in Sentry is left out. */
  readonly hasPages: boolean;
  /** Takes the issues' alert-memory keys. */
  muteIssues(keys: readonly string[]): Thenable<void>;
}

export async function showAlert(alert: Alert, { hasPages, muteIssues }: AlertActions): Promise<void> {
  const notify = alert.severity === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  const choice = await notify(alert.text, ...(hasPages ? [show, openInSentry, mute] : [show, mute]));
  if (choice === show) await runForOneIssue(alert, commandIds.showIssueDetails, 'Show which Sentry issue?');
  if (choice === openInSentry) await runForOneIssue(alert, commandIds.openInSentry, 'Open which issue in Sentry?');
  if (choice === mute) {
    await muteIssues(alert.issues.map((issue) => issue.key));
    const what =
      alert.issues.length === 1 ? oneLine(alert.issues[0]?.shortId ?? '', 40) : `${alert.issues.length} issues`;
    vscode.window.setStatusBarMessage(
      `$(bell-slash) Sentry alerts muted for ${what}; "Sentry: Unmute All Alerts" brings them back`,
      5000,
    );
  }
}

async function runForOneIssue(alert: Alert, command: string, title: string): Promise<void> {
  const issueId = alert.issues.length === 1 ? alert.issues[0]?.issueId : await pickAlertedIssue(alert.issues, title);
  if (issueId) await vscode.commands.executeCommand(command, issueId);
}

async function pickAlertedIssue(issues: readonly AlertedIssue[], title: string): Promise<string | undefined> {
  const items = issues.map((issue) => ({
    label: oneLine(issue.shortId, 40),
    description: reasonsPhrase(issue),
    detail: oneLine(issue.title, 200),
    issueId: issue.issueId,
  }));
  return (await vscode.window.showQuickPick(items, { title, matchOnDescription: true, matchOnDetail: true }))?.issueId;
}
