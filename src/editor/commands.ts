// Registers the palette commands; each command is a small function over what it needs.
import * as vscode from 'vscode';

import { commandIds } from './commandIds';

export function registerCommands(channel: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.Disposable.from(vscode.commands.registerCommand(commandIds.showOutput, () => channel.show(true)));
}
