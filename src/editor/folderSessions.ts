// Keeps one core FolderSession per workspace folder for as long as its connection (server, project, release setting,
// environments, path rules) stays the same; a new connection starts a new session seeded from what is on screen.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Logger } from '../core/log';
import { FolderSession } from '../core/session/folderSession';
import { previousOfSnapshot, type IssueSnapshot } from '../core/state/snapshot';
import type { FolderConnection } from './connections';
import { sessionKeyOf, sessionTargetOf } from './sessionTarget';
import type { WorkspaceIndexes } from './workspaceIndexes';

export class FolderSessions {
  private readonly sessions = new Map<
    string,
    { readonly key: string; readonly client: FolderConnection['client']; readonly session: FolderSession }
  >();

  constructor(
    private readonly log: Logger,
    private readonly indexes: WorkspaceIndexes,
  ) {}

  /** The folder's session for this connection; `shown` (the snapshot on screen, maybe from the cache) seeds a new one. */
  sessionFor(
    folder: vscode.WorkspaceFolder,
    connection: FolderConnection,
    statsPeriod: string | undefined,
    shown: IssueSnapshot | undefined,
  ): FolderSession {
    const folderPath = folder.uri.fsPath;
    const key = sessionKeyOf(connection, statsPeriod);
    const current = this.sessions.get(folderPath);
    if (current && current.key === key && current.client === connection.client) return current.session;
    const sameSource = shown && JSON.stringify(shown.connection) === JSON.stringify(connection.key);
    const files = this.indexes.forFolder({ name: folder.name, path: folderPath });
    const session = new FolderSession(
      connection.client,
      {
        ...sessionTargetOf(connection, { name: folder.name, path: folderPath }, statsPeriod, this.log),
        files: () => files.index(),
      },
      sameSource ? previousOfSnapshot(shown) : undefined,
    );
    this.sessions.set(folderPath, { key, client: connection.client, session });
    return session;
  }

  find(folderPath: string): FolderSession | undefined {
    return this.sessions.get(folderPath)?.session;
  }

  forget(folderPath?: string): void {
    if (folderPath === undefined) this.sessions.clear();
    else this.sessions.delete(folderPath);
  }
}

/** The files of this folder in visible editors, the active one first: their issues load before the rest. */
export function openFilesIn(folderPath: string): string[] {
  const active = vscode.window.activeTextEditor?.document.uri;
  const uris = [...(active ? [active] : []), ...vscode.window.visibleTextEditors.map((editor) => editor.document.uri)];
  const files = uris
    .filter((uri) => uri.scheme === 'file')
    .map((uri) => path.relative(folderPath, uri.fsPath))
    .filter((relative) => relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative));
  return [...new Set(files)];
}
