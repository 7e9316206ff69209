// The embedded local Sentry as the editor's zero-configuration connection: started on first need on 127.0.0.1 (a fixed
// port, so an app's DSN stays the same), its store kept in the extension's storage, and each stored change announced
// with the issues it touched, so the marks of just those update at once. If another window (or `sentry-insight serve`)
// already serves that port, that server is used instead: its change stream announces the same here, and when that
// window closes this one takes the port over.
import { homedir } from 'node:os';
import * as vscode from 'vscode';
import { localChangeOf, type LocalChange } from '../core/local/changeFeed';
import { watchLocalChanges, type ChangeWatch } from '../core/local/changeWatch';
import { startLocalSentry, type LocalSentry } from '../core/local/localSentry';
import { defaultServeStore, findLocalApiToken } from '../core/local/server/localTokenFinder';
import type { StoreLimits } from '../core/local/store/storeLimits';
import { StoreOpenError } from '../core/local/store/storeOpenError';
import type { Logger } from '../core/log';
import type { WatchedFileIndex } from '../core/resolve/watchedFileIndex';

export const localOrg = 'local';
export const localProject = '1';

export interface LocalEndpoint {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** The DSN an SDK uses to send here. */
  readonly dsn: string;
  /** True when this window runs the server (events are then announced); false when another process does. */
  readonly ownServer: boolean;
  /** The Web API's token (changes need it); unknown for a server another program started with a store elsewhere. */
  readonly token: string | undefined;
}

export class LocalServerHost implements vscode.Disposable {
  private running: Promise<LocalEndpoint> | undefined;
  private server: LocalSentry | undefined;
  /** Set while another process serves the port. */
  private watch: ChangeWatch | undefined;
  private readonly changed = new vscode.EventEmitter<LocalChange>();
  private readonly folderChanges: vscode.Disposable;
  /** Fires after each change stored by this window's server, or by another's that this one uses (batched by the caller). */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly storageDir: string,
    private readonly port: () => number,
    private readonly storeLimits: () => Partial<StoreLimits>,
    /** The workspace folders' file indexes, which the window's file watcher keeps current. */
    private readonly folderIndexes: () => readonly WatchedFileIndex[],
    private readonly log: Logger,
  ) {
    // The server reads the folders of the window as they are now: not a removed one, and an added one too.
    this.folderChanges = vscode.workspace.onDidChangeWorkspaceFolders(() =>
      this.server?.useWorkspaceIndexes(this.folderIndexes()),
    );
  }

  get isRunning(): boolean {
    return this.running !== undefined;
  }

  /** Starts the server once; later calls get the same endpoint. */
  start(): Promise<LocalEndpoint> {
    if (!this.running) {
      this.running = this.startServer().catch((error: unknown) => {
        this.running = undefined;
        throw error;
      });
    }
    return this.running;
  }

  async stop(): Promise<void> {
    this.watch?.dispose();
    this.watch = undefined;
    const server = this.server;
    this.server = undefined;
    this.running = undefined;
    await server?.close();
  }

  dispose(): void {
    this.folderChanges.dispose();
    void this.stop();
    this.changed.dispose();
  }

  private async startServer(): Promise<LocalEndpoint> {
    const port = this.port();
    const url = `http://127.0.0.1:${port}`;
    // A server already there is used as it is: opening its store file here as well would race its writes.
    if (await answersLikeSentry(url)) return this.useOtherServer(port, url);
    try {
      const server = await startLocalSentry({
        port,
        storeDirectory: this.storageDir,
        workspaceIndexes: this.folderIndexes(),
        storeLimits: this.storeLimits(),
        log: this.log,
      });
      this.server = server;
      if (server.storeWarning !== undefined) void vscode.window.showWarningMessage(`Sentry: ${server.storeWarning}`);
      server.onDidIngest((change) => this.log.debug(`local: ${change.kind} ${change.shortId} ${change.title}`));
      server.onDidChange((change) => this.changed.fire(localChangeOf(change)));
      this.log.info(`Local Sentry listening on ${server.url}; DSN ${server.dsn(localProject)}`);
      return { url: server.url, dsn: server.dsn(localProject), ownServer: true, token: server.apiToken };
    } catch (error) {
      if (error instanceof StoreOpenError) throw error;
      // Another window started its server in between.
      if ((error as { code?: unknown }).code === 'EADDRINUSE' && (await answersLikeSentry(url)))
        return this.useOtherServer(port, url);
      throw new Error(
        `The local Sentry could not listen on 127.0.0.1:${port} (${error instanceof Error ? error.message : String(error)}). Free the port or change sentryInsight.local.port.`,
      );
    }
  }

  private async useOtherServer(port: number, url: string): Promise<LocalEndpoint> {
    this.log.info(
      `Local Sentry: port ${port} is served by another window or \`sentry-insight serve\`; using it, and watching it for new events.`,
    );
    const token = await this.tokenFor(url);
    if (token === undefined) {
      this.log.warn(
        `Local Sentry at ${url}: its token is in none of ${this.tokenStores().join(', ')}, ` +
          `so triage there will be refused. If it is \`sentry-insight serve --store DIR\`, ` +
          `run Sentry: Sign In with the server ${url} and the token in DIR/local-api-token (or ` +
          `restart serve without --store).`,
      );
    }
    this.watch?.dispose();
    this.watch = watchLocalChanges({
      url,
      token,
      log: this.log,
      onChange: (change) => this.changed.fire(change),
      onGone: () => void this.takeOver(port),
    });
    // The window loads after the watch's first message, so an event stored in between is not missed.
    await this.watch.ready;
    return { url, dsn: `http://local@127.0.0.1:${port}/${localProject}`, ownServer: false, token };
  }

  /**
   * The token of a local Sentry that another process serves at `url`: another window keeps the same one beside the
   * same store; `sentry-insight serve` keeps its own beside its store (found when that is the default one).
   */
  tokenFor(url: string): Promise<string | undefined> {
    return findLocalApiToken(url, this.tokenStores());
  }

  private tokenStores(): string[] {
    return [this.storageDir, defaultServeStore(homedir())];
  }

  /** The serving window closed: this one serves the port now, so its marks keep updating and an app's DSN keeps working. */
  private async takeOver(port: number): Promise<void> {
    this.watch = undefined;
    this.running = undefined;
    this.log.info(`Local Sentry: nothing serves port ${port} any more; starting this window's server there.`);
    try {
      await this.start();
      // Whatever arrived while nobody served is in the store now; and this window's data is reloaded from its own server.
      this.changed.fire({ issueIds: undefined });
    } catch (error) {
      this.log.warn(
        `Local Sentry: could not take over port ${port}: ${error instanceof Error ? error.message : String(error)} The next refresh tries again.`,
      );
    }
  }
}

async function answersLikeSentry(url: string): Promise<boolean> {
  try {
    const answer = await fetch(`${url}/api/0/`, { signal: AbortSignal.timeout(2000) });
    const body = (await answer.json()) as { version?: unknown };
    return answer.ok && body.version === '0';
  } catch {
    return false;
  }
}
