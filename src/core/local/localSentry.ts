// The embedded Sentry-compatible server: starts an HTTP server on 127.0.0.1 that ingests SDK events (envelope and store
// endpoints) into a bounded, persisted store and answers the Web API subset the client uses. The editor and
// `sentry-insight serve` both start it through startLocalSentry().
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { silentLogger, type Logger } from '../log';
import type { ScrubbingSettings } from '../privacy/sensitiveData';
import { watchFolder } from '../resolve/folderWatch';
import type { WorkspaceFolder } from '../resolve/frame';
import { WatchedFileIndex } from '../resolve/watchedFileIndex';
import { Listeners, type Unsubscribe } from '../state/listeners';
import type { IngestChange, StoreChange } from './changeFeed';
import { defaultIngestLimits, type IngestLimits } from './envelope/ingestLimits';
import { IngestService } from './ingest/ingestService';
import { WorkspaceSources } from './process/workspaceSources';
import { API_TOKEN_FILE, loadOrCreateApiToken, type ApiToken } from './server/apiToken';
import { ChangeStreams } from './server/changeStream';
import { defaultConnectionLimits, guardConnections, type ConnectionLimits } from './server/connectionGuard';
import { routeRequest, type RouterContext } from './server/requestRouter';
import type { LocalStore } from './store/localStore';
import { PersistedStore } from './store/persistedStore';
import { StoreOpenError } from './store/storeOpenError';
import { defaultStoreLimits, type StoreLimits } from './store/storeLimits';
import { ARTIFACT_BUNDLES_DIRECTORY, ArtifactBundles } from './uploads/artifactBundles';

export type { IngestChange, StoreChange } from './changeFeed';

export interface LocalSentryOptions {
  /** Port on 127.0.0.1; 0 (the default) picks a free one. */
  readonly port?: number;
  /** Where the store's log is kept; without it, events live in memory only. */
  readonly storeDirectory?: string;
  /**
   * Folders whose source maps and files symbolicate frames and fill source context. Each is indexed once and followed
   * with node:fs watchers (folderWatch), unless `workspaceIndexes` are given.
   */
  readonly workspaceFolders?: readonly WorkspaceFolder[];
  /**
   * The folders' file indexes, kept current by the caller's own watcher (the editor's, shared with its loads): used
   * instead of `workspaceFolders`, and not watched again here.
   */
  readonly workspaceIndexes?: readonly WatchedFileIndex[];
  readonly ingestLimits?: Partial<IngestLimits>;
  readonly storeLimits?: Partial<StoreLimits>;
  /** Browser origins beyond loopback ones that may post events (e.g. `http://myapp.test:3000`). */
  readonly allowedOrigins?: readonly string[];
  /** The Web API's token; without it, the per-install one kept beside the store (made on first start) is used. */
  readonly apiToken?: string;
  /** Reads of the Web API need the token too, not only changes. */
  readonly tokenForReads?: boolean;
  readonly connectionLimits?: Partial<ConnectionLimits>;
  /** Scrubbing of events before they are stored (Sentry's default data scrubbing): on unless `enabled` is false. */
  readonly scrubbing?: ScrubbingSettings;
  readonly log?: Logger;
  readonly now?: () => number;
}

export interface LocalSentry {
  readonly port: number;
  /** `http://127.0.0.1:<port>`: the server URL for SentryClient and `scan --url`. */
  readonly url: string;
  /** The organization slug of every local project. */
  readonly org: 'local';
  /** The DSN an SDK uses to send to project `projectId` (any public key is accepted). */
  dsn(projectId?: string, publicKey?: string): string;
  /** Fires after each stored event (new issue or new event of an issue), once it is persisted. */
  readonly onDidIngest: (listener: (change: IngestChange) => void) => Unsubscribe;
  /** Fires after every stored change (events, triage, releases) with the issues it touched, once it is persisted. */
  readonly onDidChange: (listener: (change: StoreChange) => void) => Unsubscribe;
  /** Read access to the stored data. */
  readonly store: LocalStore;
  /** The token the Web API wants (as `Authorization: Bearer …`) for changes, and for reads when so started. */
  readonly apiToken: string;
  /** The file the token is kept in; undefined when it was given or the server has no store. */
  readonly apiTokenFile: string | undefined;
  /** What could not be read from a damaged store file (it was copied aside), for the user; undefined when it loaded whole. */
  readonly storeWarning: string | undefined;
  /** The workspace folders' file indexes frames resolve against; their events say what a watcher saw (tests wait on them). */
  readonly workspaceIndexes: readonly WatchedFileIndex[];
  /**
   * Resolves the next events against these indexes instead (the editor's, after its folders changed): a folder that
   * left is no longer read, one that came is.
   */
  useWorkspaceIndexes(indexes: readonly WatchedFileIndex[]): void;
  /** Items received per envelope item type (`event`, `transaction`, `session`, …). */
  itemCounts(): ReadonlyMap<string, number>;
  /** Stops listening, ends open connections and closes the store file. */
  close(): Promise<void>;
}

export async function startLocalSentry(options: LocalSentryOptions = {}): Promise<LocalSentry> {
  const log = options.log ?? silentLogger;
  const now = options.now ?? Date.now;
  const limits = { ...defaultIngestLimits, ...options.ingestLimits };
  // The port is taken before the store is opened: a second process started on the same port then never touches (and
  // never rewrites) the store file the first one is appending to. Requests wait for the store.
  let context: RouterContext | undefined;
  const server = createServer((request, response) => {
    if (context === undefined) {
      response
        .writeHead(503, { 'Content-Type': 'application/json', 'Retry-After': '1' })
        .end('{"detail":"The local Sentry is still loading its store."}');
      return;
    }
    routeRequest(request, response, context).catch((error: unknown) => {
      // Only writing the answer can fail here (a vanished socket); the request is over either way.
      log.debug(`local server: answering ${request.url ?? ''} failed: ${String(error)}`);
      response.destroy();
    });
  });
  guardConnections(server, { ...defaultConnectionLimits, ...options.connectionLimits });
  // Malformed HTTP never reaches routeRequest; answer it and move on.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  await listen(server, options.port ?? 0);
  let persisted: PersistedStore | undefined;
  let token: ApiToken;
  let uploads: ArtifactBundles;
  try {
    persisted = await PersistedStore.open({
      directory: options.storeDirectory,
      limits: { ...defaultStoreLimits, ...options.storeLimits },
      log,
    });
    token =
      options.apiToken !== undefined
        ? { token: options.apiToken, file: undefined }
        : await apiTokenBeside(options.storeDirectory);
    uploads = await artifactBundlesBeside(options.storeDirectory, log);
  } catch (error) {
    await persisted?.close();
    await closeServer(server);
    throw error;
  }
  const opened = persisted;
  const watched = watchedWorkspace(options, log);
  const sourcesOf = (indexes: readonly WatchedFileIndex[]): WorkspaceSources | undefined => {
    const sources = indexes.length > 0 ? new WorkspaceSources({ indexes, log, uploadedMaps: uploads }) : undefined;
    // Index the workspace now, so that the first event is not kept waiting for the walk.
    void sources?.snapshot();
    return sources;
  };
  let workspaceIndexes = watched.indexes;
  let workspace = sourcesOf(workspaceIndexes);
  const feed = new Listeners<IngestChange>();
  const ingest = new IngestService({ persisted: opened, workspace, feed, log, now, scrubbing: options.scrubbing });
  const webApi = { token: token.token, tokenForReads: options.tokenForReads ?? false, tokenFile: token.file };
  const instance = randomUUID();
  const changeStreams = new ChangeStreams({
    instance,
    revision: () => opened.revision,
    onDidCommit: opened.onDidCommit,
  });
  context = {
    instance,
    ingest,
    persisted: opened,
    changeStreams,
    uploads,
    limits,
    allowedOrigins: options.allowedOrigins ?? [],
    webApi,
    log,
    now,
  };
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  log.info(`local Sentry listening on ${url}`);
  return {
    port,
    url,
    org: 'local',
    dsn: (projectId = '1', publicKey = 'local') => `http://${publicKey}@127.0.0.1:${port}/${projectId}`,
    onDidIngest: feed.subscribe,
    onDidChange: opened.onDidCommit,
    store: opened.store,
    storeWarning: opened.loadWarning,
    apiToken: token.token,
    apiTokenFile: token.file,
    get workspaceIndexes() {
      return workspaceIndexes;
    },
    useWorkspaceIndexes: (indexes) => {
      const old = workspace;
      workspaceIndexes = indexes;
      workspace = sourcesOf(indexes);
      ingest.useWorkspace(workspace);
      old?.dispose();
    },
    itemCounts: () => ingest.itemCounts,
    close: async () => {
      watched.dispose();
      workspace?.dispose();
      await closeServer(server);
      await opened.close();
    },
  };
}

/** The folders' indexes: the caller's, or one per folder kept current by this server's own watchers. */
function watchedWorkspace(
  options: LocalSentryOptions,
  log: Logger,
): { readonly indexes: readonly WatchedFileIndex[]; dispose(): void } {
  if (options.workspaceIndexes !== undefined) return { indexes: options.workspaceIndexes, dispose: () => undefined };
  const indexes = (options.workspaceFolders ?? []).map((folder) => new WatchedFileIndex(folder, log));
  const watches = indexes.map((index) => watchFolder(index.folder.path, index, { log }));
  return { indexes, dispose: () => watches.forEach((watch) => watch.dispose()) };
}

async function apiTokenBeside(directory: string | undefined): Promise<ApiToken> {
  try {
    return await loadOrCreateApiToken(directory);
  } catch (error) {
    throw StoreOpenError.of(join(directory ?? '', API_TOKEN_FILE), error);
  }
}

async function artifactBundlesBeside(directory: string | undefined, log: Logger): Promise<ArtifactBundles> {
  try {
    return await ArtifactBundles.open(directory, log);
  } catch (error) {
    throw StoreOpenError.of(join(directory ?? '', ARTIFACT_BUNDLES_DIRECTORY), error);
  }
}

function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}
