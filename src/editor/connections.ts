// Where each workspace folder connects: settings, then SENTRY_* variables, then .sentryclirc / sentry.properties, then
// ~/.sentryclirc; the token from SecretStorage for exactly that host, else the environment's or a sentry-cli file's. Keeps one API client per server and token,
// for as long as that connection is in use.
import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import * as vscode from 'vscode';
import { SentryClient } from '../core/api/client';
import type { ServerFacts } from '../core/api/serverFacts';
import { resolveConnection, type ResolvedConnection } from '../core/config';
import type { Logger } from '../core/log';
import { isLoopbackUrl } from '../core/local/loopback';
import { err, ok, type Result } from '../core/result';
import type { ConnectionKey } from '../core/state/snapshot';
import { folderConnectionInput, usesLocalSentryByDefault } from './folderResolution';
import { localOrg, localProject, type LocalServerHost } from './localServer';
import type { Settings } from './settings';

/** The `sentryInsight.url` value that picks the embedded local Sentry explicitly. */
export const localUrlSetting = 'local';

export interface TokenSource {
  /** The token signed in for exactly this server origin, if any. */
  tokenFor(url: string): Promise<string | undefined>;
  readonly onDidChange: vscode.Event<void>;
}

export interface FolderConnection {
  readonly key: ConnectionKey;
  readonly client: SentryClient;
  readonly release?: string;
  readonly environments: readonly string[];
  readonly pathMappings: ReadonlyArray<{ stackRoot: string; sourceRoot: string }>;
  readonly warnings: readonly string[];
  /** The embedded local Sentry: an API without web pages, so there is no issue page to open. */
  readonly embedded: boolean;
  /** The token the client sends, for the MCP server the editor starts for its agent (in its environment, never logged). */
  readonly token?: string;
}

export interface ConnectionProblem {
  /** `signedOut`: no token for the folder's server; `noProject`: no organization or project chosen yet. */
  readonly kind: 'signedOut' | 'noProject' | 'unavailable';
  readonly message: string;
}

export interface FolderServer {
  readonly client: SentryClient;
  readonly url: string;
  readonly org?: string;
  readonly project?: string;
  readonly warnings: readonly string[];
  readonly embedded?: boolean;
  readonly token?: string;
}

export class Connections implements vscode.Disposable {
  private readonly clients = new Map<string, Promise<SentryClient>>();

  constructor(
    private readonly settings: Settings,
    private readonly tokens: TokenSource,
    private readonly log: Logger,
    private readonly local: LocalServerHost,
    private readonly facts: ServerFacts,
    private readonly env: Readonly<Record<string, string | undefined>> = process.env,
    private readonly homeDir: string | undefined = homedir() || undefined,
  ) {}

  /** The folder's server and client, even before an organization and project are chosen (the pickers need that). */
  async serverFor(
    folder: vscode.WorkspaceFolder,
  ): Promise<Result<FolderServer, ConnectionProblem & { kind: 'signedOut' | 'unavailable' }>> {
    if (this.settings.folder(folder).url === localUrlSetting) return this.localServer();
    const resolved = await this.resolve(folder);
    // A signed-in token is bound to its host; the environment's or the sentry-cli file's token is the user's own choice.
    const signedIn = await this.tokens.tokenFor(resolved.url);
    if (usesLocalSentryByDefault(resolved, signedIn)) return this.localServer();
    let token = signedIn ?? resolved.token;
    if (!token && !isLoopbackUrl(resolved.url)) {
      return err({
        kind: 'signedOut',
        message: `Sign in to ${resolved.url} to see its issues (Sentry: Sign In), or set SENTRY_AUTH_TOKEN.`,
      });
    }
    // A local Sentry named by URL (`sentry-insight serve`, another window's): its token, when this machine keeps it where
    // the editor looks; reads work without one.
    if (!token) token = await this.local.tokenFor(resolved.url);
    const client = await this.clientFor(resolved.url, token);
    return ok({
      client,
      url: resolved.url,
      org: resolved.org,
      project: resolved.project,
      warnings: resolved.warnings,
      ...(token ? { token } : {}),
    });
  }

  /**
   * The server the folder's configuration names (setting, SENTRY_URL, .sentryclirc, sentry.properties, ~/.sentryclirc,
   * by the same rule as its connection), for the sign-in to offer; undefined when none names one or it is the local Sentry.
   */
  async configuredServerUrl(folder: vscode.WorkspaceFolder): Promise<string | undefined> {
    if (this.settings.folder(folder).url === localUrlSetting) return undefined;
    const resolved = await this.resolve(folder);
    return resolved.sources.url === 'default' ? undefined : resolved.url;
  }

  /** Settings (the URL from user settings only in an untrusted workspace), the environment, the folder's sentry-cli files (ignored for the URL when untrusted), then ~/.sentryclirc. */
  private resolve(folder: vscode.WorkspaceFolder): Promise<ResolvedConnection> {
    const context = {
      folderPath: folder.uri.fsPath,
      env: this.env,
      trusted: vscode.workspace.isTrusted,
      homeDir: this.homeDir,
    };
    return resolveConnection(folderConnectionInput(this.settings.folder(folder), context));
  }

  async forFolder(folder: vscode.WorkspaceFolder): Promise<Result<FolderConnection, ConnectionProblem>> {
    const server = await this.serverFor(folder);
    if (!server.ok) return server;
    const { client, url, org, project, warnings, embedded, token } = server.value;
    if (!org || !project)
      return err({
        kind: 'noProject',
        message: `Choose the Sentry project of ${folder.name} (Sentry: Select Project).`,
      });
    const configured = this.settings.folder(folder);
    return ok({
      key: { url, org, project },
      client,
      release: configured.release,
      environments: configured.environments,
      pathMappings: configured.pathMappings,
      warnings,
      embedded: embedded ?? false,
      ...(token ? { token } : {}),
    });
  }

  private async localServer(): Promise<Result<FolderServer, ConnectionProblem & { kind: 'unavailable' }>> {
    try {
      const endpoint = await this.local.start();
      // Another process's server whose token the editor could not find: a token signed in for exactly its URL.
      const token = endpoint.ownServer
        ? endpoint.token
        : (endpoint.token ?? (await this.tokens.tokenFor(endpoint.url)));
      const client = await this.clientFor(endpoint.url, token);
      return ok({
        client,
        url: endpoint.url,
        org: localOrg,
        project: localProject,
        warnings: [],
        embedded: true,
        ...(token ? { token } : {}),
      });
    } catch (error) {
      return err({ kind: 'unavailable', message: error instanceof Error ? error.message : String(error) });
    }
  }

  /** Forgets every client, e.g. after sign-in or sign-out; open requests finish on the old ones. */
  reset(): void {
    const old = [...this.clients.values()];
    this.clients.clear();
    for (const client of old) void client.then((value) => value.close());
  }

  dispose(): void {
    this.reset();
  }

  private clientFor(url: string, token: string | undefined): Promise<SentryClient> {
    // The map key must not hold the token in clear; a short digest tells tokens apart.
    const key = `${url}\u0000${token ? digest(token) : ''}`;
    let client = this.clients.get(key);
    if (!client) {
      client = SentryClient.detect({
        baseUrl: url,
        token,
        log: this.log,
        facts: this.facts,
        userAgent: `sentry-insight-vscode/${vscode.version}`,
      });
      this.clients.set(key, client);
    }
    return client;
  }
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
