// What a folder's core session works on, from its connection: the project, release setting, environments and path rules,
// and whether a missing project is normal (the embedded local Sentry, whose projects appear with their first event).
import type { Logger } from '../core/log';
import type { SessionTarget } from '../core/session/folderSession';
import type { FolderConnection } from './connections';

export function sessionTargetOf(
  connection: Pick<FolderConnection, 'key' | 'release' | 'environments' | 'pathMappings' | 'embedded'>,
  folder: { readonly name: string; readonly path: string },
  statsPeriod: string | undefined,
  log: Logger,
  env: Readonly<Record<string, string | undefined>> = process.env,
): SessionTarget {
  return {
    org: connection.key.org,
    project: connection.key.project,
    folder: { name: folder.name, path: folder.path },
    release: connection.release,
    environments: connection.environments,
    statsPeriod,
    pathMappings: connection.pathMappings,
    env,
    log,
    // Decided by the connection, never by its URL: a self-hosted Sentry on localhost:9000 has real projects, and a
    // mistyped one there must read "project not found" rather than "no issues yet".
    projectMayNotExistYet: connection.embedded,
  };
}
