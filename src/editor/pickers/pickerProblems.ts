// Shows why a picker could not go on, once, with the one button that fixes it where there is one.
import * as vscode from 'vscode';
import { commandIds } from '../commandIds';
import type { FolderArg } from '../tree/issueTreeItems';

export interface PickerProblem {
  readonly message: string;
  /** ApiError kinds and ServerProblem kinds: `unauthorized` and `signedOut` offer to sign in. */
  readonly kind?: string;
}

export async function showPickerProblem(problem: PickerProblem): Promise<void> {
  const canSignIn = problem.kind === 'unauthorized' || problem.kind === 'signedOut';
  const choice = await vscode.window.showErrorMessage(problem.message, ...(canSignIn ? ['Sign In'] : []));
  if (choice === 'Sign In') await vscode.commands.executeCommand(commandIds.signIn);
}

/** For the release and environment pickers, which need a project before they can list anything. */
export async function showProjectMissing(folder: vscode.WorkspaceFolder): Promise<void> {
  const choice = await vscode.window.showErrorMessage(
    `Choose the Sentry project of ${folder.name} first.`,
    'Select Project',
  );
  if (choice === 'Select Project')
    await vscode.commands.executeCommand(commandIds.selectProject, {
      folderPath: folder.uri.fsPath,
    } satisfies FolderArg);
}
