// What a folder's core session works on, from its connection: the project, release setting, environments and path rules,
// and whether a missing project is normal (the embedded local Sentry, whose projects appear with their first event);
// and the key that says when a fresh connection (each load finds one) is still the same for a session's purposes.
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

/**
 * Equal for connections a session (or an assistant workspace) can go on with: what it remembers (project, code
 * mappings, release decision, the last load) holds while server, project, release setting, environments, path rules
 * and period stay the same. The client is compared apart, by identity: a sign-in makes a new one.
 */
export function sessionKeyOf(
  connection: Pick<FolderConnection, 'key' | 'release' | 'environments' | 'pathMappings'>,
  statsPeriod: string | undefined,
): string {
  return JSON.stringify([
    connection.key,
    connection.release,
    connection.environments,
    connection.pathMappings,
    statsPeriod,
  ]);
}
