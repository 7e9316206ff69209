// The line the CLI prints on stderr before it sends a token to a server that a file in the checkout named: in CI a pull
// request can add that file, so whoever reads the log sees where the token went and how to decide it themselves.
import { join } from 'node:path';
import { isWorkspaceFileSource, type ResolvedConnection, type SettingSource } from '../core/config';

/** The notice for a token bound for a server named by the checkout's `.sentryclirc` or `sentry.properties`, else undefined. */
export function tokenDestinationNotice(connection: ResolvedConnection, workspaceDir: string): string | undefined {
  const urlSource = connection.sources.url;
  if (connection.token === undefined || !isWorkspaceFileSource(urlSource)) return undefined;
  const host = new URL(connection.url).host;
  return (
    `the auth token from ${tokenSourceName(connection.sources.token)} is sent to ${host}, the server named by ` +
    `${join(workspaceDir, urlSource)} in the checkout; on a checkout you do not trust, name the server with --url or ` +
    'SENTRY_URL, or pass --no-checkout-config to read no sentry-cli file from it'
  );
}

function tokenSourceName(source: SettingSource | undefined): string {
  if (source === 'env') return 'SENTRY_AUTH_TOKEN';
  if (isWorkspaceFileSource(source)) return `the checkout's ${source}`;
  return source ?? 'the settings';
}
