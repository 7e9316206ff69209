// Prepares the frame resolver of a scan: the workspace's file index and the project's code mappings, loaded together.
import type { SentryClient } from '../api/client';
import type { Logger } from '../log';
import type { PathMapping, WorkspaceFolder } from '../resolve/frame';
import { FrameResolver } from '../resolve/frameResolver';
import { WorkspaceFileIndex } from '../resolve/workspaceFileIndex';
import type { WorkspaceFileReader } from '../resolve/workspaceFileReader';
import type { ApiError } from '../api/errors';
import { ok, type Result } from '../result';
import type { LoadMemo } from '../session/loadMemo';

export interface ResolverSetup {
  readonly org: string;
  /** The project's id, or a pending answer (undefined when the project was not found: no code mappings). */
  readonly projectId: string | Promise<string | undefined>;
  readonly folders: readonly WorkspaceFolder[];
  readonly pathMappings: readonly PathMapping[];
  readonly log: Logger;
  /** Collects what the user should know, e.g. that code mappings could not be read. */
  readonly warnings: string[];
  readonly signal?: AbortSignal;
  /** A session's memory: code mappings asked once per session. */
  readonly memo?: LoadMemo;
  /** The folders' file index kept current elsewhere (the editor's, by a file watcher); without it, a walk builds one. */
  readonly files?: () => Promise<WorkspaceFileIndex>;
  /** A reader shared with whoever shows the resolved files' text (the assistant's source windows); else its own. */
  readonly reader?: WorkspaceFileReader;
}

export async function buildResolver(client: SentryClient, setup: ResolverSetup): Promise<FrameResolver> {
  const mappingsOf = async (): Promise<Result<readonly PathMapping[], ApiError>> => {
    if (setup.memo?.codeMappings) return ok(setup.memo.codeMappings);
    const projectId = await setup.projectId;
    if (projectId === undefined) return ok([]);
    const answer = await client.codeMappings(setup.org, projectId, setup.signal);
    if (!answer.ok) return answer;
    const mappings = answer.value.map(({ stackRoot, sourceRoot }) => ({ stackRoot, sourceRoot }));
    if (setup.memo) setup.memo.codeMappings = mappings;
    return ok(mappings);
  };
  const [files, mappings] = await Promise.all([
    setup.files ? setup.files() : WorkspaceFileIndex.build(setup.folders),
    mappingsOf(),
  ]);
  if (!mappings.ok) setup.warnings.push(`Code mappings were not loaded: ${mappings.error.message}`);
  const codeMappings = mappings.ok ? mappings.value : [];
  setup.log.debug(`Indexed workspace files; ${codeMappings.length} code mappings`);
  return new FrameResolver({
    folders: setup.folders,
    files,
    pathMappings: setup.pathMappings,
    codeMappings,
    log: setup.log,
    ...(setup.reader ? { reader: setup.reader } : {}),
  });
}
