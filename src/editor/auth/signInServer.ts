// The server Sign In offers first: the one the configuration of the folder being worked in names (the active editor's
// folder, then the others in order), so a self-hosted Sentry named by .sentryclirc or SENTRY_URL is not met with sentry.io.
import * as vscode from 'vscode';

/** The first server a folder's configuration names, or undefined (the sign-in then offers sentry.io). */
export async function signInServerUrl(
  configuredServerUrl: (folder: vscode.WorkspaceFolder) => Promise<string | undefined>,
): Promise<string | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const activeFolder = active ? vscode.workspace.getWorkspaceFolder(active) : undefined;
  const others = (vscode.workspace.workspaceFolders ?? []).filter(
    (folder) => folder.uri.toString() !== activeFolder?.uri.toString(),
  );
  for (const folder of activeFolder ? [activeFolder, ...others] : others) {
    const url = await configuredServerUrl(folder);
    if (url) return url;
  }
  return undefined;
}
