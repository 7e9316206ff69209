// `sentry-insight compare` in one call: connect as `scan` does, find the project, detect the workspace's release
// (unless one is given) and compare it with its base.
import { commandFailure, connectForCommand, type ScanFailure, type ScanOptions } from './workspaceScan';
import { findProject } from '../core/scan/projectLookup';
import { workspaceRelease, type LoadedRelease } from '../core/scan/workspaceRelease';
import { err, ok, type Result } from '../core/result';
import { compareReleases, type ReleaseComparison } from '../core/tracking/releaseComparison';

export interface CompareOptions extends ScanOptions {
  readonly base?: string;
}

export interface WorkspaceComparison extends ReleaseComparison {
  readonly releaseSource: LoadedRelease['source'];
}

export async function compareWorkspace(options: CompareOptions): Promise<Result<WorkspaceComparison, ScanFailure>> {
  const connected = await connectForCommand(options);
  if (!connected.ok) return connected;
  const { client, org, project } = connected.value;
  try {
    const found = await findProject(client, org, project, options.signal);
    if (!found.ok) return commandFailure(found.error);
    const projectId = found.value.id;
    options.onProgress?.('Detecting the release');
    const detected = await workspaceRelease(client, {
      org,
      projectId,
      workspaceDir: options.workspaceDir,
      release: options.release,
      releaseMustExist: options.releaseMustExist,
      env: options.env,
      log: options.log,
      signal: options.signal,
    });
    if (!detected.ok) return commandFailure(detected.error);
    const release = detected.value.release;
    if (!release)
      return err({
        kind: 'configuration',
        message: `Project "${project}" has no releases to compare: send events with a release, or pass --release.`,
      });
    options.onProgress?.(`Comparing ${release.version} with ${options.base ?? 'the release before it'}`);
    const compared = await compareReleases(client, {
      org,
      projectId,
      release: release.version,
      base: options.base,
      environments: options.environments,
      statsPeriod: options.statsPeriod,
      signal: options.signal,
    });
    if (!compared.ok) return commandFailure(compared.error);
    const warnings = [...connected.value.warnings, ...detected.value.warnings, ...compared.value.warnings];
    return ok({ ...compared.value, releaseSource: release.source, warnings: [...new Set(warnings)] });
  } finally {
    await client.close();
  }
}
