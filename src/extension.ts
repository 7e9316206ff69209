// Extension entry: builds the pieces and registers them; no logic of its own.
import * as vscode from 'vscode';
import { registerCommands } from './editor/commands';
import { createOutputLogger } from './editor/log';

export function activate(context: vscode.ExtensionContext): void {
  const channel = vscode.window.createOutputChannel('Sentry Insight', { log: true });
  context.subscriptions.push(channel);
  const log = createOutputLogger(channel);
  context.subscriptions.push(registerCommands(channel));
  log.info(`Sentry Insight ${String(context.extension.packageJSON.version)} activated`);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
