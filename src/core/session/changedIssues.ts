// Brings a folder's last load up to date with just the issues the local server named as changed: one search for them
// (and one for which of them are new in the release), a latest event for each that moved, their frames resolved with
// the folder's file index; every other issue, the project and the release stay as the last load had them.
import type { SentryClient } from '../api/client';
import type { ApiError } from '../api/errors';
import { defaultStatsPeriod } from '../api/statsPeriod';
import { ok, type Result } from '../result';
import { buildResolver } from '../scan/resolverSetup';
import { IssueLoad } from './issueLoad';
import type { LoadTarget, WorkspaceIssues } from './loadWorkspaceIssues';
import { openFilesOf } from './openFiles';
import type { PreviousLoad } from './previousLoad';

/** More changed issues than this at once: a whole load asks no more than the searches would. */
export const maxChangedIssues = 100;

export async function reloadChangedIssues(
  client: SentryClient,
  target: LoadTarget,
  last: { readonly loaded: WorkspaceIssues; readonly previous: PreviousLoad },
  issueIds: readonly string[],
): Promise<Result<WorkspaceIssues, ApiError>> {
  const { org, signal } = target;
  const { loaded } = last;
  const warnings: string[] = [];
  const resolver = await buildResolver(client, {
    org,
    projectId: loaded.project.id,
    folders: [target.folder],
    pathMappings: target.pathMappings ?? [],
    log: target.log,
    warnings,
    signal,
    memo: target.memo,
    files: target.files,
  });
  const updated = await new IssueLoad({
    client,
    org,
    projectId: loaded.project.id,
    release: loaded.release?.version,
    environments: loaded.environments,
    statsPeriod: target.statsPeriod ?? defaultStatsPeriod,
    resolver,
    previous: last.previous,
    openFiles: openFilesOf([]),
    signal,
    warnings,
    onProgress: target.onProgress ?? (() => undefined),
    only: issueIds,
  }).run();
  if (!updated.ok) return updated;
  return ok({ ...loaded, ...updated.value, warnings: [...new Set([...loaded.warnings, ...warnings])] });
}
