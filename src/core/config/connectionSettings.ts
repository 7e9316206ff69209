// The connection fields (server URL, organization, project, token) and the names of the places they can come from.

export interface ConnectionSettings {
  readonly url?: string;
  readonly org?: string;
  readonly project?: string;
  readonly token?: string;
}

/**
 * Where a value was found. `.sentryclirc` and `sentry.properties` are the workspace's, `~/.sentryclirc` the user's
 * global one; `org token` is the organization named inside an `sntrys_` organization auth token.
 */
export type SettingSource =
  'option' | 'env' | '.sentryclirc' | 'sentry.properties' | '~/.sentryclirc' | 'org token' | 'default';

/** The sources that are files in the workspace (the checkout), which whoever can change the checkout can write. */
export function isWorkspaceFileSource(
  source: SettingSource | undefined,
): source is '.sentryclirc' | 'sentry.properties' {
  return source === '.sentryclirc' || source === 'sentry.properties';
}

export const defaultSentryUrl = 'https://sentry.io';

/** The environment variables sentry-cli reads, so a shell set up for sentry-cli works unchanged. */
export const connectionEnvVars = {
  url: 'SENTRY_URL',
  org: 'SENTRY_ORG',
  project: 'SENTRY_PROJECT',
  token: 'SENTRY_AUTH_TOKEN',
} as const;

/** Reads the connection fields from an environment; blank values count as unset. */
export function settingsFromEnv(env: Readonly<Record<string, string | undefined>>): ConnectionSettings {
  return {
    url: env[connectionEnvVars.url],
    org: env[connectionEnvVars.org],
    project: env[connectionEnvVars.project],
    token: env[connectionEnvVars.token],
  };
}
