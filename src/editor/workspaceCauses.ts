// One FolderCauses (suspect commits and code owners, cached) per workspace folder for the whole window: the hover, the
// issue panel, Assign to Owner and the AI assistant all ask through it, so they share one cache per folder.
import * as vscode from 'vscode';
import { FolderCauses } from '../core/cause/folderCauses';

export class WorkspaceCauses implements vscode.Disposable {
  private readonly causes = new Map<string, FolderCauses>();
  private readonly folderChanges: vscode.Disposable;

  constructor() {
    this.folderChanges = vscode.workspace.onDidChangeWorkspaceFolders((change) => {
      for (const folder of change.removed) this.causes.delete(folder.uri.fsPath);
    });
  }

  /** The folder's causes (`folderPath`: the workspace folder's fsPath), made on first use. */
  of(folderPath: string): FolderCauses {
    let causes = this.causes.get(folderPath);
    if (!causes) this.causes.set(folderPath, (causes = new FolderCauses(folderPath)));
    return causes;
  }

  dispose(): void {
    this.folderChanges.dispose();
    this.causes.clear();
  }
}
