// Resolves the server URL, organization, project and token, field by field, from options, the environment, the
// workspace's sentry-cli files and the user's global `~/.sentryclirc`.
import { readSentryclirc, readSentryProperties } from './connectionFiles';
import {
  connectionEnvVars,
  defaultSentryUrl,
  isWorkspaceFileSource,
  settingsFromEnv,
  type ConnectionSettings,
  type SettingSource,
} from './connectionSettings';
import { readOrgAuthToken } from './orgAuthToken';
import { normalizeSentryUrl } from './sentryUrl';

export interface ResolvedConnection {
  readonly url: string;
  readonly org?: string;
  readonly project?: string;
  readonly token?: string;
  readonly sources: {
    readonly url: SettingSource;
    readonly org?: SettingSource;
    readonly project?: SettingSource;
    readonly token?: SettingSource;
  };
  /** Sentences for the user; they never contain a token. */
  readonly warnings: readonly string[];
  /**
   * The first server URL that was set but cannot be used (the search then fell through, with a warning). The CLI
   * refuses to go on with it, so a typo never silently becomes https://sentry.io.
   */
  readonly invalidUrl?: { readonly source: SettingSource; readonly reason: string };
}

export interface ConnectionInput {
  /** Options or editor settings; blank values count as unset. */
  readonly explicit: ConnectionSettings;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly workspaceDir: string;
  /** false for an untrusted workspace: files in it may then not redirect requests (their url is ignored, with a warning). */
  readonly trusted: boolean;
  /** The user's home folder, whose `.sentryclirc` sentry-cli reads under the project's; undefined to skip it. */
  readonly homeDir?: string;
  /**
   * true to read no `.sentryclirc` or `sentry.properties` from the workspace at all (the CLI's --no-checkout-config,
   * for CI on branches whose files nobody vouches for): every field then comes from the options, the environment
   * and `~/.sentryclirc`.
   */
  readonly ignoreWorkspaceFiles?: boolean;
}

interface Layer {
  readonly source: SettingSource;
  readonly settings: ConnectionSettings;
}

interface Picked {
  readonly value: string;
  readonly source: SettingSource;
}

const userTokenAdvice =
  'Create a user auth token in Sentry (User Settings > Personal Tokens) with the scopes org:read, project:read, event:read and event:write, and use it instead.';

/**
 * Earlier layers win, field by field, in the order sentry-cli users expect: option, environment, `.sentryclirc`,
 * `sentry.properties`, then `~/.sentryclirc` (sentry-cli lays the project's file over the global one key by key).
 */
export async function resolveConnection(input: ConnectionInput): Promise<ResolvedConnection> {
  const noFile = { settings: {}, warnings: [] };
  const workspaceFiles = input.ignoreWorkspaceFiles !== true;
  const [rc, properties, globalRc] = await Promise.all([
    workspaceFiles ? readSentryclirc(input.workspaceDir) : noFile,
    workspaceFiles ? readSentryProperties(input.workspaceDir) : noFile,
    input.homeDir === undefined ? noFile : readSentryclirc(input.homeDir),
  ]);
  const layers: Layer[] = [
    { source: 'option', settings: input.explicit },
    { source: 'env', settings: settingsFromEnv(input.env) },
    { source: '.sentryclirc', settings: rc.settings },
    { source: 'sentry.properties', settings: properties.settings },
    { source: '~/.sentryclirc', settings: globalRc.settings },
  ];
  const warnings = [...rc.warnings, ...properties.warnings, ...globalRc.warnings];
  const url = pickUrl(layers, input.trusted, warnings);
  const token = pick(layers, 'token');
  const org = pickOrg(layers, token, warnings);
  const project = pick(layers, 'project');
  return {
    url: url.value,
    org: org?.value,
    project: project?.value,
    token: token?.value,
    sources: { url: url.source, org: org?.source, project: project?.source, token: token?.source },
    warnings,
    ...(url.invalid ? { invalidUrl: url.invalid } : {}),
  };
}

function pick(layers: readonly Layer[], field: 'org' | 'project' | 'token'): Picked | undefined {
  for (const layer of layers) {
    const value = layer.settings[field]?.trim();
    if (value) return { value, source: layer.source };
  }
  return undefined;
}

/** Skips, with a warning, a URL that is invalid or that comes from a file of an untrusted workspace, and falls through to the next layer. */
function pickUrl(
  layers: readonly Layer[],
  trusted: boolean,
  warnings: string[],
): Picked & { invalid?: ResolvedConnection['invalidUrl'] } {
  let invalid: ResolvedConnection['invalidUrl'];
  for (const layer of layers) {
    const raw = layer.settings.url?.trim();
    if (!raw) continue;
    if (isWorkspaceFileSource(layer.source) && !trusted) {
      warnings.push(
        `Ignored the server url in ${layer.source} because the workspace is not trusted: files in an untrusted workspace may not redirect requests.`,
      );
      continue;
    }
    const normalized = normalizeSentryUrl(raw);
    if (normalized.ok) return { value: normalized.value, source: layer.source, invalid };
    warnings.push(`Ignored the server url from ${describeSource(layer.source, 'url')} because ${normalized.error}.`);
    invalid ??= { source: layer.source, reason: normalized.error };
  }
  return { value: defaultSentryUrl, source: 'default', invalid };
}

/** An organization auth token cannot read issues, but it names its organization, which helps when nothing else does. */
function pickOrg(layers: readonly Layer[], token: Picked | undefined, warnings: string[]): Picked | undefined {
  const org = pick(layers, 'org');
  const orgToken = token ? readOrgAuthToken(token.value) : undefined;
  if (!token || !orgToken) return org;
  warnings.push(
    `The auth token from ${describeSource(token.source, 'token')} is an organization auth token (sntrys_), which can upload releases and source maps but cannot read issues. ${userTokenAdvice}`,
  );
  if (org || !orgToken.org) return org;
  warnings.push(
    `Using the organization "${orgToken.org}" named in the organization auth token, because no organization is set anywhere else.`,
  );
  return { value: orgToken.org, source: 'org token' };
}

function describeSource(source: SettingSource, field: keyof typeof connectionEnvVars): string {
  if (source === 'option') return 'the settings';
  if (source === 'env') return connectionEnvVars[field];
  return source;
}
