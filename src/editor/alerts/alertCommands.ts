// The palette commands of alerts: quiet mode on and off (a user setting, so it holds in every window) and unmuting.
import * as vscode from 'vscode';
import { plural } from '../../core/format/counts';
import { commandIds } from '../commandIds';
import type { Settings } from '../settings';
import type { AlertMemoryState } from './alertMemoryState';

export function registerAlertCommands(settings: Settings, memory: AlertMemoryState): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(commandIds.toggleAlertQuietMode, async () => {
      const quiet = !settings.alerts.quietMode;
      await settings.setGlobal('alerts.quietMode', quiet);
      vscode.window.setStatusBarMessage(
        quiet ? '$(bell-slash) Sentry alerts: quiet mode on' : '$(bell) Sentry alerts: quiet mode off',
        3000,
      );
    }),
    vscode.commands.registerCommand(commandIds.unmuteAllAlerts, async () => {
      const count = memory.mutedCount();
      await memory.unmuteAll();
      vscode.window.setStatusBarMessage(`$(bell) Sentry alerts: ${plural(count, 'issue')} unmuted`, 3000);
    }),
  );
}
