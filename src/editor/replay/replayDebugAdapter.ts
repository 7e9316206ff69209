// The in-process debug adapter of a replay: carries Debug Adapter Protocol messages between VS Code and the core's
// ReplayAdapter, which answers them from the recorded event. Nothing is launched.
import * as vscode from 'vscode';
import type { ReplayAdapter } from '../../core/replay/replayAdapter';

export class ReplayDebugAdapter implements vscode.DebugAdapter {
  private readonly sent = new vscode.EventEmitter<vscode.DebugProtocolMessage>();
  readonly onDidSendMessage = this.sent.event;

  constructor(readonly replay: ReplayAdapter) {}

  handleMessage(message: vscode.DebugProtocolMessage): void {
    const answers = this.replay.handle(message);
    // After the caller returns, in order: VS Code expects the response to a request to arrive asynchronously.
    void Promise.resolve().then(() => {
      for (const answer of answers) this.sent.fire(answer);
    });
  }

  dispose(): void {
    this.sent.dispose();
  }
}
