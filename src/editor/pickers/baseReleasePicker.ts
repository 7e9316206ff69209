// The base of Sentry: Compare Releases: "the release before it" (the default) or an older release of the folder's
// project. Resolves to the choice, `{ version: undefined }` for the default, or undefined when cancelled.
import * as vscode from 'vscode';
import { ok } from '../../core/result';
import type { EditorContext } from '../ctx';
import type { ServerOfFolder } from './folderServer';
import { pickAfterLoading } from './loadingPick';
import { showPickerProblem } from './pickerProblems';
import { baseReleaseChoices, loadingBaseChoice, type BaseReleaseChoice } from './baseReleaseChoices';
import { projectReleases } from './releasePicker';

type BaseItem = vscode.QuickPickItem & { readonly choice: BaseReleaseChoice };

export async function pickBaseRelease(
  ctx: Pick<EditorContext, 'store'>,
  serverOf: ServerOfFolder,
  folder: vscode.WorkspaceFolder,
  chosen: string | undefined,
): Promise<{ readonly version?: string } | undefined> {
  const snapshot = ctx.store.folder(folder.uri.fsPath).snapshot;
  const release = snapshot?.release?.version;
  if (!snapshot || !release) {
    void vscode.window.showInformationMessage(
      `Sentry: ${folder.name} has no release loaded to compare; wait for its issues, or choose a release (Sentry: Select Release).`,
    );
    return undefined;
  }
  const server = await serverOf(folder);
  if (!server.ok) {
    await showPickerProblem(server.error);
    return undefined;
  }
  const { org, project } = snapshot.connection;
  const itemOf = (choice: BaseReleaseChoice): BaseItem => ({
    label: choice.label,
    description: choice.description,
    detail: choice.detail,
    choice,
  });
  const picked = await pickAfterLoading<BaseItem>({
    title: `Compare ${release} with…`,
    loadingMessage: 'Loading the releases…',
    placeholder: 'Release to compare with',
    isChoice: (item): item is BaseItem => 'choice' in item,
    whileLoading: [itemOf(loadingBaseChoice(release, chosen))],
    load: async (signal) => {
      const releases = await projectReleases(server.value, org, project, snapshot.projectId, signal);
      if (!releases.ok) return releases;
      const items = baseReleaseChoices({ releases: releases.value, release, chosen, now: new Date() }).map(itemOf);
      const [byDefault, ...rest] = items;
      const separator: vscode.QuickPickItem = {
        label: 'Older releases, newest first',
        kind: vscode.QuickPickItemKind.Separator,
      };
      return ok({
        items: byDefault ? [byDefault, separator, ...rest] : items,
        active: items.find((item) => item.choice.current),
      });
    },
  });
  return picked ? { version: picked.choice.version } : undefined;
}
