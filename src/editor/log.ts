// Backs the core Logger with a VS Code LogOutputChannel, which adds levels, timestamps and the user's log-level setting.
import * as vscode from 'vscode';
import type { Logger } from '../core/log';

export function createOutputLogger(channel: vscode.LogOutputChannel): Logger {
  return {
    trace: (message) => channel.trace(message),
    debug: (message) => channel.debug(message),
    info: (message) => channel.info(message),
    warn: (message) => channel.warn(message),
    error: (message) => channel.error(message),
  };
}
