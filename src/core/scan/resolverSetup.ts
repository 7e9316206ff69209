// Prepares the frame resolver of a scan: the workspace's file index and the project's code mappings, loaded together.
import type { SentryClient } from '../api/client';
import type { Logger } from '../log';
import type { PathMapping, WorkspaceFolder } from '../resolve/frame';
import { FrameResolver } from '../resolve/frameResolver';
import { WorkspaceFileIndex } from '../resolve/workspaceFileIndex';

export interface ResolverSetup {
  readonly org: string;
  readonly projectId: string;
  readonly folders: readonly WorkspaceFolder[];
  readonly pathMappings: readonly PathMapping[];
  readonly log: Logger;
  /** Collects what the user should know, e.g. that code mappings could not be read. */
  readonly warnings: string[];
  readonly signal?: AbortSignal;
}

export async function buildResolver(client: SentryClient, setup: ResolverSetup): Promise<FrameResolver> {
  const [files, mappings] = await Promise.all([WorkspaceFileIndex.build(setup.folders), client.codeMappings(setup.org, setup.projectId, setup.signal)]);
  if (!mappings.ok) setup.warnings.push(`Code mappings were not loaded: ${mappings.error.message}`);
  const codeMappings = mappings.ok ? mappings.value.map(({ stackRoot, sourceRoot }) => ({ stackRoot, sourceRoot })) : [];
  setup.log.debug(`Indexed workspace files; ${codeMappings.length} code mappings`);
  return new FrameResolver({ folders: setup.folders, files, pathMappings: setup.pathMappings, codeMappings, log: setup.log });
}
