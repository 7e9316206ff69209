// Commands of the embedded local Sentry: start, stop, and copy the DSN an SDK should send to.
import * as vscode from 'vscode';
import { commandIds } from './commandIds';
import type { LocalServerHost } from './localServer';

export function registerLocalCommands(local: LocalServerHost, afterChange: () => void): vscode.Disposable {
  const start = async (): Promise<string | undefined> => {
    try {
      return (await local.start()).dsn;
    } catch (error) {
      void vscode.window.showErrorMessage(`Sentry: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  };
  return vscode.Disposable.from(
    vscode.commands.registerCommand(commandIds.startLocalServer, async () => {
      const dsn = await start();
      if (!dsn) return;
      afterChange();
      const choice = await vscode.window.showInformationMessage(
        `Sentry: the local server is running. Send errors to ${dsn}`,
        'Copy DSN',
      );
      if (choice === 'Copy DSN') await vscode.env.clipboard.writeText(dsn);
    }),
    vscode.commands.registerCommand(commandIds.stopLocalServer, async () => {
      await local.stop();
      afterChange();
      vscode.window.setStatusBarMessage('Sentry: local server stopped', 3000);
    }),
    vscode.commands.registerCommand(commandIds.copyLocalDsn, async () => {
      const dsn = await start();
      if (!dsn) return;
      await vscode.env.clipboard.writeText(dsn);
      vscode.window.setStatusBarMessage(`$(check) Copied ${dsn}`, 4000);
    }),
  );
}
