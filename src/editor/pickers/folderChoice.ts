// Which workspace folder a picker acts on: the one a tree row or the status bar names, the only one, or the user's pick.
import * as vscode from 'vscode';

/** `{ folderPath }` (tree rows, status bar), a Uri inside a folder, or a WorkspaceFolder. */
export function folderFromArg(arg: unknown): vscode.WorkspaceFolder | undefined {
  if (arg instanceof vscode.Uri) return vscode.workspace.getWorkspaceFolder(arg);
  const folderPath = (arg as { folderPath?: unknown } | null | undefined)?.folderPath;
  if (typeof folderPath === 'string')
    return vscode.workspace.workspaceFolders?.find((folder) => folder.uri.fsPath === folderPath);
  const uri = (arg as { uri?: unknown } | null | undefined)?.uri;
  if (uri instanceof vscode.Uri)
    return vscode.workspace.workspaceFolders?.find((folder) => folder.uri.toString() === uri.toString());
  return undefined;
}

/** Undefined when no folder is open (after saying so) or the user cancelled. */
export async function chooseFolder(arg: unknown, purpose: string): Promise<vscode.WorkspaceFolder | undefined> {
  const named = folderFromArg(arg);
  if (named) return named;
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showErrorMessage('Open a folder first: Sentry Insight works per workspace folder.');
    return undefined;
  }
  if (folders.length === 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: `Workspace folder to ${purpose}`, ignoreFocusOut: true });
}
