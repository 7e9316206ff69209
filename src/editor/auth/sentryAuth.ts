// Sentry as a VS Code authentication provider (it appears in the Accounts menu): sessions are verified auth tokens
// kept in SecretStorage per server origin. The rest of the extension asks it for the token of exactly one server.
import * as vscode from 'vscode';
import { SentryClient } from '../../core/api/client';
import type { Logger } from '../../core/log';
import { commandIds, contextKeys } from '../commandIds';
import { findServer, SessionStore, type StoredServer } from './sessionStore';
import { promptForSession, type TokenVerifier } from './signInPrompt';
import { isSessionKey, serverLabel, sessionLabel } from './storedSession';

export const sentryAuthProviderId = 'sentry';
const providerLabel = 'Sentry';

export interface SentryAccount {
  /** The normalized server URL the token was verified against. */
  readonly url: string;
  /** `jane@example.com @ sentry.io`. */
  readonly label: string;
  /** The user's id on that server (for "Assign to Me"), when the server said. */
  readonly userId?: string;
}

export interface SentryAuth {
  /** The signed-in token for exactly this URL's origin, or undefined. */
  tokenFor(url: string): Promise<string | undefined>;
  accountFor(url: string): Promise<SentryAccount | undefined>;
  accounts(): Promise<readonly SentryAccount[]>;
  /** Whether any server is signed in (false until the stored sessions have been read). */
  readonly isSignedIn: boolean;
  /** Runs VS Code's sign-in (consent, account choice, then our prompts); false when the user cancelled. */
  signIn(): Promise<boolean>;
  /** Signs out of the one server, or asks which when there are several. */
  signOut(): Promise<void>;
  /** Fires after sign-in or sign-out, in this window or another. */
  readonly onDidChange: vscode.Event<void>;
}

export interface SentryAuthOptions {
  /** The URL the sign-in offers first; sentry.io when it gives none. */
  readonly defaultUrl?: () => Promise<string | undefined>;
  /** Defaults to asking the server (`GET /api/0/`) with a client made for the check. */
  readonly verifyToken?: TokenVerifier;
}

/** Sets the `sentryInsight.signedIn` context key the welcome view and the Sign Out command's `when` read. */
export function setSignedInContext(signedIn: boolean): Thenable<unknown> {
  return vscode.commands.executeCommand('setContext', contextKeys.signedIn, signedIn);
}

function verifyWithServer(log: Logger): TokenVerifier {
  return async (url, token) => {
    const client = await SentryClient.detect({ baseUrl: url, token, log, retry: { maxRetries: 1 } });
    try {
      return await client.tokenInfo();
    } finally {
      await client.close();
    }
  };
}

function sessionOf({ origin, session }: StoredServer): vscode.AuthenticationSession {
  const user = session.user?.id ?? session.user?.email ?? 'token';
  return {
    id: origin,
    accessToken: session.token,
    account: { id: `${origin}#${user}`, label: sessionLabel(session) },
    scopes: session.scopes,
  };
}

function accountOf({ session }: StoredServer): SentryAccount {
  return { url: session.url, label: sessionLabel(session), userId: session.user?.id };
}

/** A change worth telling VS Code about: new host, gone host, or the same host with another token or account. */
function fingerprint(server: StoredServer): string {
  return JSON.stringify([server.session.token, sessionLabel(server.session), server.session.scopes]);
}

class SentryAuthProvider implements vscode.AuthenticationProvider, SentryAuth, vscode.Disposable {
  private readonly sessionsChanged =
    new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
  readonly onDidChangeSessions = this.sessionsChanged.event;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly store: SessionStore;
  private current: StoredServer[] = [];
  private loaded: Promise<void>;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    context: vscode.ExtensionContext,
    private readonly log: Logger,
    private readonly options: Required<SentryAuthOptions>,
  ) {
    this.store = new SessionStore(context.secrets);
    this.loaded = this.reload();
    this.subscriptions.push(
      context.secrets.onDidChange((event) => {
        if (isSessionKey(event.key)) this.loaded = this.reload();
      }),
    );
  }

  get isSignedIn(): boolean {
    return this.current.length > 0;
  }

  async getSessions(
    scopes: readonly string[] | undefined,
    options?: vscode.AuthenticationProviderSessionOptions,
  ): Promise<vscode.AuthenticationSession[]> {
    await this.loaded;
    return this.current
      .map(sessionOf)
      .filter((session) => !scopes || scopes.every((scope) => session.scopes.includes(scope)))
      .filter((session) => !options?.account || session.account.id === options.account.id);
  }

  async createSession(): Promise<vscode.AuthenticationSession> {
    const verified = await promptForSession({
      defaultUrl: this.options.defaultUrl,
      verifyToken: this.options.verifyToken,
      log: this.log,
    });
    if (!verified) throw new Error('Sign-in to Sentry was cancelled.');
    const saved = await this.store.save(verified);
    await (this.loaded = this.reload());
    void vscode.window.showInformationMessage(`Signed in to Sentry as ${sessionLabel(saved.session)}.`);
    return sessionOf(saved);
  }

  async removeSession(sessionId: string): Promise<void> {
    const server = this.current.find((candidate) => candidate.origin === sessionId);
    await this.store.remove(sessionId);
    await (this.loaded = this.reload());
    if (server) this.log.info(`Signed out of ${serverLabel(server.session.url)}`);
  }

  async tokenFor(url: string): Promise<string | undefined> {
    return (await this.find(url))?.session.token;
  }

  async accountFor(url: string): Promise<SentryAccount | undefined> {
    const server = await this.find(url);
    return server ? accountOf(server) : undefined;
  }

  async accounts(): Promise<readonly SentryAccount[]> {
    await this.loaded;
    return this.current.map(accountOf);
  }

  async signIn(): Promise<boolean> {
    try {
      // Through VS Code rather than createSession directly, so the Accounts menu and its consent know the session;
      // clearing the preference lets a user who is signed in already add another server.
      await vscode.authentication.getSession(sentryAuthProviderId, [], {
        createIfNone: true,
        clearSessionPreference: true,
      });
      return true;
    } catch (error) {
      this.log.info(`Sign-in did not complete: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  }

  async signOut(): Promise<void> {
    await this.loaded;
    const servers = await this.chooseServersToSignOut();
    for (const server of servers) await this.removeSession(server.origin);
    if (servers.length > 0)
      void vscode.window.showInformationMessage(
        `Signed out of ${servers.map((server) => serverLabel(server.session.url)).join(', ')}.`,
      );
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.sessionsChanged.dispose();
    this.changed.dispose();
  }

  /** Exact origin match against the sessions read last (kept current by SecretStorage's change event). */
  private async find(url: string): Promise<StoredServer | undefined> {
    await this.loaded;
    return findServer(this.current, url);
  }

  /** Ties another registration's lifetime to the provider's. */
  own(disposable: vscode.Disposable): void {
    this.subscriptions.push(disposable);
  }

  private async chooseServersToSignOut(): Promise<StoredServer[]> {
    if (this.current.length === 0) {
      const choice = await vscode.window.showInformationMessage('You are not signed in to Sentry.', 'Sign In');
      if (choice === 'Sign In') void vscode.commands.executeCommand(commandIds.signIn);
      return [];
    }
    if (this.current.length === 1) return [...this.current];
    const all = { label: '$(sign-out) All servers', servers: [...this.current] };
    const items = [...this.current.map((server) => ({ label: sessionLabel(server.session), servers: [server] })), all];
    const picked = await vscode.window.showQuickPick(items, {
      title: 'Sign out of Sentry',
      placeHolder: 'Which server?',
    });
    return picked?.servers ?? [];
  }

  /** Re-reads the stored sessions and reports what changed to VS Code, the extension and the `when` clauses. */
  private async reload(): Promise<void> {
    const previous = new Map(this.current.map((server) => [server.origin, server]));
    let next: StoredServer[];
    try {
      next = await this.store.list();
    } catch (error) {
      // An unavailable keyring must not break every refresh: keep what was read before and say why.
      this.log.error(
        `Could not read the Sentry sign-ins from the secret storage: ${error instanceof Error ? error.message : String(error)}`,
      );
      return;
    }
    const nextByOrigin = new Map(next.map((server) => [server.origin, server]));
    const added = next.filter((server) => !previous.has(server.origin));
    const removed = [...previous.values()].filter((server) => !nextByOrigin.has(server.origin));
    const changed = next.filter((server) => {
      const before = previous.get(server.origin);
      return before !== undefined && fingerprint(before) !== fingerprint(server);
    });
    this.current = next;
    await setSignedInContext(next.length > 0);
    if (added.length + removed.length + changed.length === 0) return;
    this.sessionsChanged.fire({
      added: added.map(sessionOf),
      removed: removed.map(sessionOf),
      changed: changed.map(sessionOf),
    });
    this.changed.fire();
  }
}

/** Registers the provider; the returned object is also the token source for connections. */
export function registerSentryAuth(
  context: vscode.ExtensionContext,
  log: Logger,
  options: SentryAuthOptions = {},
): SentryAuth & vscode.Disposable {
  const provider = new SentryAuthProvider(context, log, {
    defaultUrl: options.defaultUrl ?? (() => Promise.resolve(undefined)),
    verifyToken: options.verifyToken ?? verifyWithServer(log),
  });
  provider.own(
    vscode.authentication.registerAuthenticationProvider(sentryAuthProviderId, providerLabel, provider, {
      supportsMultipleAccounts: true,
    }),
  );
  return provider;
}
