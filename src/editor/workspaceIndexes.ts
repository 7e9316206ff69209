// One file index per workspace folder for the whole window, kept current by a VS Code file watcher: loads, local
// updates, frame lookups and the embedded local Sentry all use it, so the folder is walked once, not on every refresh,
// and the local Sentry drops a file's cached text or parsed map when the watcher says it changed.
import * as vscode from 'vscode';
import type { Logger } from '../core/log';
import { WatchedFileIndex } from '../core/resolve/watchedFileIndex';

export class WorkspaceIndexes implements vscode.Disposable {
  private readonly indexes = new Map<
    string,
    { readonly index: WatchedFileIndex; readonly watcher: vscode.Disposable }
  >();
  private readonly folderChanges: vscode.Disposable;

  constructor(private readonly log: Logger) {
    this.folderChanges = vscode.workspace.onDidChangeWorkspaceFolders((change) => {
      for (const folder of change.removed) this.forget(folder.uri.fsPath);
    });
  }

  /** The folder's index (walked on first use). */
  forFolder(folder: { readonly name: string; readonly path: string }): WatchedFileIndex {
    const known = this.indexes.get(folder.path);
    if (known) return known.index;
    const index = new WatchedFileIndex({ name: folder.name, path: folder.path }, this.log);
    const watcher = vscode.workspace.createFileSystemWatcher(
      new vscode.RelativePattern(vscode.Uri.file(folder.path), '**/*'),
    );
    const subscriptions = vscode.Disposable.from(
      watcher,
      watcher.onDidCreate((uri) => index.created(uri.fsPath)),
      watcher.onDidChange((uri) => index.changed(uri.fsPath)),
      watcher.onDidDelete((uri) => index.deleted(uri.fsPath)),
    );
    this.indexes.set(folder.path, { index, watcher: subscriptions });
    return index;
  }

  private forget(folderPath: string): void {
    this.indexes.get(folderPath)?.watcher.dispose();
    this.indexes.delete(folderPath);
  }

  dispose(): void {
    this.folderChanges.dispose();
    for (const folderPath of [...this.indexes.keys()]) this.forget(folderPath);
  }
}
