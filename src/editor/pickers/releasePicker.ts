// Sentry: Select Release: the folder's project's releases, newest first, with "Detect automatically" on top, which
// clears the `release` setting; any other choice pins that release for the folder.
import * as vscode from 'vscode';
import { err, ok, type Result } from '../../core/result';
import type { Release } from '../../core/api/directorySchemas';
import type { ApiError } from '../../core/api/errors';
import { releaseCandidates } from '../../core/release';
import { findProject } from '../../core/scan/projectLookup';
import type { EditorContext } from '../ctx';
import { chooseFolder } from './folderChoice';
import type { FolderServer, ServerOfFolder } from './folderServer';
import { pickAfterLoading } from './loadingPick';
import { showPickerProblem, showProjectMissing } from './pickerProblems';
import { releaseChoices, type ReleaseChoice } from './releaseChoices';

type ReleaseItem = vscode.QuickPickItem & { readonly choice: ReleaseChoice };

const maxReleases = 100;

/** Resolves to true when the folder's release setting was changed. */
export async function pickRelease(
  ctx: Pick<EditorContext, 'settings' | 'store'>,
  serverOf: ServerOfFolder,
  arg?: unknown,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<boolean> {
  const folder = await chooseFolder(arg, 'choose the release of');
  if (!folder) return false;
  const server = await serverOf(folder);
  if (!server.ok) {
    await showPickerProblem(server.error);
    return false;
  }
  const { org, project } = server.value;
  if (!org || !project) {
    await showProjectMissing(folder);
    return false;
  }
  const pinned = ctx.settings.folder(folder).release;
  const snapshot = ctx.store.folder(folder.uri.fsPath).snapshot;
  const knownProjectId =
    snapshot && snapshot.connection.org === org && snapshot.connection.project === project
      ? snapshot.projectId
      : undefined;
  const picked = await pickAfterLoading<ReleaseItem>({
    title: `Release of ${folder.name} (${org}/${project})`,
    loadingMessage: 'Loading the releases…',
    placeholder: 'Release whose issues to show',
    isChoice: (item): item is ReleaseItem => 'choice' in item,
    load: async (signal) => {
      const [releases, detected] = await Promise.all([
        projectReleases(server.value, org, project, knownProjectId, signal),
        releaseCandidates({ env, workspaceDir: folder.uri.fsPath }),
      ]);
      if (!releases.ok) return releases;
      const choices = releaseChoices({
        releases: releases.value,
        shown: snapshot?.release,
        pinned,
        detected,
        now: new Date(),
      });
      const items = choices.map((choice): ReleaseItem => ({
        label: choice.label,
        description: choice.description,
        detail: choice.detail,
        choice,
      }));
      const [detect, ...rest] = items;
      const separator: vscode.QuickPickItem = {
        label: 'Releases, newest first',
        kind: vscode.QuickPickItemKind.Separator,
      };
      return ok({
        items: detect ? [detect, separator, ...rest] : items,
        active: items.find((item) => item.choice.current),
      });
    },
  });
  if (!picked || picked.choice.version === pinned) return false;
  await ctx.settings.setForFolder(folder, 'release', picked.choice.version);
  return true;
}

/** The last load knows the project's id; otherwise it is looked up by slug. */
export async function projectReleases(
  server: FolderServer,
  org: string,
  project: string,
  knownProjectId: string | undefined,
  signal: AbortSignal,
): Promise<Result<Release[], ApiError>> {
  let projectId = knownProjectId;
  if (!projectId) {
    const found = await findProject(server.client, org, project, signal);
    if (!found.ok) return err(found.error);
    projectId = found.value.id;
  }
  return server.client.releases(org, { projectId, maxReleases, signal });
}
