// Replay in Debugger: opens an issue's latest event as a stopped debug session of the contributed `sentry-replay`
// type, served in process. Registers the command, the adapter factory and the inline values of the stopped frame.
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { inlineValueLines } from '../../core/replay/inlineValues';
import { ReplayAdapter } from '../../core/replay/replayAdapter';
import type { Replay } from '../../core/replay/replayModel';
import { commandIds } from '../commandIds';
import type { EditorContext } from '../ctx';
import { issueIdsFromArgs } from '../issueRef';
import type { MarkedLines } from '../markedLines';
import { pickIssueToShow } from '../pickers/issueToShowPicker';
import { ReplayDebugAdapter } from './replayDebugAdapter';
import { loadReplay } from './replayLoad';

/** The debug type contributed in package.json. */
export const replayDebugType = 'sentry-replay';

class ReplaySessions {
  /** Replays loaded by the command and waiting for VS Code to ask for their adapter, by the id in the configuration. */
  private readonly waiting = new Map<string, Replay>();
  /** The adapters of running replays, by debug session id, for the inline values. */
  private readonly running = new Map<string, ReplayAdapter>();

  offer(replay: Replay): string {
    const id = randomUUID();
    this.waiting.set(id, replay);
    return id;
  }

  withdraw(id: string): void {
    this.waiting.delete(id);
  }

  adapterFor(session: vscode.DebugSession): ReplayAdapter {
    const id = String(session.configuration['replayId'] ?? '');
    const replay = this.waiting.get(id);
    this.waiting.delete(id);
    if (!replay)
      throw new Error(
        'A Sentry replay starts from an issue: use Sentry: Replay in Debugger (hover, Sentry view or issue panel).',
      );
    const adapter = new ReplayAdapter(replay);
    this.running.set(session.id, adapter);
    return adapter;
  }

  ended(session: vscode.DebugSession): void {
    this.running.delete(session.id);
  }

  adapterOf(session: vscode.DebugSession | undefined): ReplayAdapter | undefined {
    return session?.type === replayDebugType ? this.running.get(session.id) : undefined;
  }
}

const replayPickTitles = {
  ofLine: 'Replay which Sentry issue of this line in the debugger?',
  ofAll: 'Replay which Sentry issue in the debugger?',
};

async function startReplay(
  ctx: EditorContext,
  marks: MarkedLines,
  sessions: ReplaySessions,
  args: unknown[],
): Promise<void> {
  const issueId = issueIdsFromArgs(args)[0] ?? (await pickIssueToShow(ctx, marks, replayPickTitles));
  if (!issueId) return;
  const loaded = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'Sentry: loading the event to replay' },
    () => loadReplay(ctx, issueId),
  );
  if (!loaded.ok) {
    void vscode.window.showErrorMessage(loaded.error);
    return;
  }
  const replayId = sessions.offer(loaded.value.replay);
  const configuration = {
    type: replayDebugType,
    request: 'launch',
    name: `Replay ${loaded.value.replay.title}`,
    replayId,
  };
  const started = await vscode.debug.startDebugging(loaded.value.folder, configuration);
  if (!started) {
    sessions.withdraw(replayId);
    void vscode.window.showErrorMessage(
      'Sentry: the debugger did not start the replay; see the Debug Console for why.',
    );
    return;
  }
  // VS Code opens Run and Debug by itself only on a first session or a breakpoint stop; a replay is for its views.
  await vscode.commands.executeCommand('workbench.view.debug');
}

/** The recorded values on the lines of the frame the replay is stopped in. */
function inlineValuesProvider(sessions: ReplaySessions): vscode.InlineValuesProvider {
  return {
    provideInlineValues(document, _viewPort, context) {
      const frame = sessions.adapterOf(vscode.debug.activeDebugSession)?.frameOf(context.frameId);
      if (!frame?.location || frame.location.path !== document.uri.fsPath) return [];
      const stoppedLine = Math.min(frame.location.line - 1, document.lineCount - 1);
      const lines = inlineValueLines(frame.variables, stoppedLine, (line) =>
        line >= 0 && line < document.lineCount ? document.lineAt(line).text : undefined,
      );
      return lines.map(
        ({ line, text }) =>
          new vscode.InlineValueText(
            document.lineAt(line).range.with({ start: document.lineAt(line).range.end }),
            text,
          ),
      );
    },
  };
}

export function registerReplayDebugger(ctx: EditorContext, marks: MarkedLines): vscode.Disposable {
  const sessions = new ReplaySessions();
  return vscode.Disposable.from(
    vscode.commands.registerCommand(commandIds.replayInDebugger, (...args: unknown[]) =>
      startReplay(ctx, marks, sessions, args),
    ),
    vscode.debug.registerDebugAdapterDescriptorFactory(replayDebugType, {
      createDebugAdapterDescriptor: (session) =>
        new vscode.DebugAdapterInlineImplementation(new ReplayDebugAdapter(sessions.adapterFor(session))),
    }),
    vscode.debug.onDidTerminateDebugSession((session) => sessions.ended(session)),
    vscode.languages.registerInlineValuesProvider({ scheme: 'file' }, inlineValuesProvider(sessions)),
  );
}
