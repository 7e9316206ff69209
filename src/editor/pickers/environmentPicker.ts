// Sentry: Select Environment: "All environments" or one of the organization's environments (plus any seen in the
// loaded events), written to the folder's `environments` setting.
import * as vscode from 'vscode';
import { ok } from '../../core/result';
import type { Logger } from '../../core/log';
import type { EditorContext } from '../ctx';
import { environmentNames, environmentsInSnapshot } from './environmentChoices';
import { chooseFolder } from './folderChoice';
import type { ServerOfFolder } from './folderServer';
import { pickAfterLoading } from './loadingPick';
import { showPickerProblem, showProjectMissing } from './pickerProblems';
import { pickText } from '../../core/format/untrustedText';

type EnvironmentItem = vscode.QuickPickItem & { readonly environments: readonly string[]; readonly current: boolean };

/** Resolves to true when the folder's environment setting was changed. */
export async function pickEnvironment(
  ctx: Pick<EditorContext, 'settings' | 'store' | 'log'>,
  serverOf: ServerOfFolder,
  arg?: unknown,
): Promise<boolean> {
  const folder = await chooseFolder(arg, 'choose the environment of');
  if (!folder) return false;
  const server = await serverOf(folder);
  if (!server.ok) {
    await showPickerProblem(server.error);
    return false;
  }
  const org = server.value.org;
  if (!org) {
    await showProjectMissing(folder);
    return false;
  }
  const current = ctx.settings.folder(folder).environments;
  const seen = environmentsInSnapshot(ctx.store.folder(folder.uri.fsPath).snapshot);
  const picked = await pickAfterLoading<EnvironmentItem>({
    title: `Environment of ${folder.name} (${org})`,
    loadingMessage: 'Loading the environments…',
    placeholder: 'Count events of this environment only',
    isChoice: (item): item is EnvironmentItem => 'environments' in item,
    load: async (signal) => {
      const listed = await server.value.client.environments(org, signal);
      // The loaded events name environments too, so a server that will not list them still leaves a choice.
      if (!listed.ok && seen.length === 0) return listed;
      if (!listed.ok) warn(ctx.log, listed.error.message);
      const names = environmentNames(
        listed.ok ? listed.value.map((environment) => environment.name) : [],
        seen,
        current,
      );
      const items = [allItem(current), ...names.map((name) => environmentItem(name, current))];
      return ok({ items, active: items.find((item) => item.current) });
    },
  });
  if (!picked || sameNames(picked.environments, current)) return false;
  await ctx.settings.setForFolder(folder, 'environments', [...picked.environments]);
  return true;
}

function allItem(current: readonly string[]): EnvironmentItem {
  const chosen = current.length === 0;
  return {
    label: `${chosen ? '$(check) ' : ''}All environments`,
    description: chosen ? 'current choice' : undefined,
    environments: [],
    current: chosen,
  };
}

function environmentItem(name: string, current: readonly string[]): EnvironmentItem {
  const chosen = current.includes(name);
  const only = chosen && current.length === 1;
  return {
    label: `${chosen ? '$(check) ' : ''}${pickText(name)}`,
    description: chosen
      ? only
        ? 'current choice'
        : `current choice, with ${pickText(current.filter((other) => other !== name).join(', '))}`
      : undefined,
    environments: [name],
    current: only,
  };
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name) => b.includes(name));
}

function warn(log: Logger, message: string): void {
  log.warn(`Listing the environments failed; offering those seen in the loaded events: ${message}`);
}
