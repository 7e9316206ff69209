// What the editor asks the one core resolution for a workspace folder (its settings, the environment, the folder's
// sentry-cli files and the user's ~/.sentryclirc, under the workspace's trust), and when the embedded local Sentry
// stays the folder's server because nothing chose another. No `vscode` here, so it is tested in plain Node.
import type { ConnectionInput, ResolvedConnection } from '../core/config';
import type { FolderSettings } from './settings';

export interface FolderResolutionContext {
  readonly folderPath: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Workspace Trust: an untrusted folder's files may not name the server (the user's own ~/.sentryclirc still may). */
  readonly trusted: boolean;
  /** The user's home folder, whose `.sentryclirc` sentry-cli (and the CLI) read under the project's files. */
  readonly homeDir: string | undefined;
}

export function folderConnectionInput(
  configured: Pick<FolderSettings, 'url' | 'organization' | 'project'>,
  context: FolderResolutionContext,
): ConnectionInput {
  return {
    explicit: { url: configured.url, org: configured.organization, project: configured.project },
    env: context.env,
    workspaceDir: context.folderPath,
    trusted: context.trusted,
    homeDir: context.homeDir,
  };
}

/**
 * Nothing names a server, organization or project and nobody signed in: the embedded local Sentry is the
 * zero-configuration default. A token found only in ~/.sentryclirc does not count: `sentry-cli login` leaves one
 * there for every project on the machine, and it chooses no server or project for this folder.
 */
export function usesLocalSentryByDefault(resolved: ResolvedConnection, signedInToken: string | undefined): boolean {
  const configuredToken = resolved.token !== undefined && resolved.sources.token !== '~/.sentryclirc';
  return (
    signedInToken === undefined &&
    !configuredToken &&
    resolved.sources.url === 'default' &&
    !resolved.org &&
    !resolved.project
  );
}
