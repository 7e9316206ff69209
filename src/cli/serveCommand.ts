// `sentry-insight serve`: runs the embedded local Sentry in the terminal, prints the DSN to give an SDK, and prints each
// new issue as it arrives with the workspace file and line it was raised at. Stops on Ctrl-C (SIGINT) or SIGTERM.
import { homedir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { oneLine } from '../core/format/untrustedText';
import { startLocalSentry, type IngestChange } from '../core/local/localSentry';
import { StoreOpenError } from '../core/local/store/storeOpenError';
import type { Logger } from '../core/log';
import type { ScrubbingSettings } from '../core/privacy/sensitiveData';
import { lastValue, UsageError, type ParsedArgs } from './args';

export const serveArgs = { valued: ['port', 'store', 'workspace', 'project', 'token', 'sensitive-fields'], switches: ['help', 'verbose', 'keep-ip-addresses', 'no-scrubbing'] };

export const DEFAULT_SERVE_PORT = 8963;

export interface ServeIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly cwd: string;
  readonly log: Logger;
  /** Resolves when the command should stop (a signal); the CLI passes one that waits for SIGINT/SIGTERM. */
  readonly stopped: Promise<void>;
}

/** Exit code 2 for bad options, 1 when the port or the store cannot be had, 0 after a clean stop. */
export async function runServe(args: ParsedArgs, io: ServeIo): Promise<number> {
  let port: number;
  let projectId: string;
  let token: string | undefined;
  try {
    port = portOf(lastValue(args, 'port'));
    projectId = projectOf(lastValue(args, 'project'));
    token = tokenOf(lastValue(args, 'token'));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`sentry-insight: ${error.message}\n`);
    return 2;
  }
  const workspace = resolve(io.cwd, lastValue(args, 'workspace') ?? '.');
  const store = resolve(io.cwd, lastValue(args, 'store') ?? join(homedir(), '.sentry-insight', 'local-store'));
  let server;
  try {
    // With --token every Web API request needs that token; without it, changes need the per-install one beside the store.
    server = await startLocalSentry({ port, storeDirectory: store, workspaceFolders: [{ name: basename(workspace) || 'workspace', path: workspace }], log: io.log, apiToken: token, tokenForReads: token !== undefined, scrubbing: scrubbingOf(args) });
  } catch (error) {
    if (error instanceof StoreOpenError) {
      io.stderr.write(`sentry-insight: ${error.message} (choose it with --store)\n`);
      return 1;
    }
    const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
    io.stderr.write(`sentry-insight: cannot listen on 127.0.0.1:${port}: ${inUse ? 'the port is in use; pick another with --port (0 picks a free one)' : String(error)}\n`);
    return 1;
  }
  if (server.storeWarning !== undefined) io.stderr.write(`sentry-insight: ${server.storeWarning}\n`);
  const subscription = server.onDidIngest((change) => {
    if (change.kind === 'newIssue') io.stdout.write(`${newIssueLine(change)}\n`);
  });
  io.stdout.write(
    [
      `Local Sentry listening on ${server.url}`,
      `DSN: ${server.dsn(projectId)}`,
      `Store: ${store}`,
      // The token itself is never printed: it would land in terminal scrollback and CI logs.
      token === undefined ? `Web API: reads are open to programs on this machine (never to web pages); changes need the token in ${server.apiTokenFile ?? 'memory'}` : 'Web API: every request needs the --token value as "Authorization: Bearer <token>"',
      `Workspace: ${workspace}`,
      `Read it with: sentry-insight scan --url ${server.url} --org local --project ${projectId}`,
      'New issues appear below; Ctrl-C stops.',
      '',
    ].join('\n'),
  );
  await io.stopped;
  subscription.dispose();
  await server.close();
  io.stdout.write('Local Sentry stopped.\n');
  return 0;
}

/** `new PROJECT-1-3  src/cart.js:12  TypeError: cart 7 has no items` (untrusted text flattened to one line). */
export function newIssueLine(change: IngestChange): string {
  const place = change.raisedAt ? `${change.raisedAt.file}:${change.raisedAt.line}` : '(not in the workspace)';
  return `new ${oneLine(change.shortId, 40)}  ${oneLine(place, 120)}  ${oneLine(change.title, 120)}`;
}

function projectOf(raw: string | undefined): string {
  if (raw === undefined) return '1';
  if (!/^[1-9]\d{0,18}$/.test(raw)) throw new UsageError(`--project must be a DSN's project id (a number from 1), not "${raw}"`);
  return raw;
}

/** Sentry's default data scrubbing unless --no-scrubbing; --keep-ip-addresses and --sensitive-fields a,b tune it. */
function scrubbingOf(args: ParsedArgs): ScrubbingSettings {
  const extra = lastValue(args, 'sensitive-fields');
  return {
    enabled: !args.switches.has('no-scrubbing'),
    keepIpAddresses: args.switches.has('keep-ip-addresses'),
    extraSensitiveKeys: extra === undefined ? [] : extra.split(',').map((name) => name.trim()).filter(Boolean),
  };
}

function tokenOf(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (!/^[\x21-\x7e]{16,256}$/.test(raw)) throw new UsageError('--token must be 16 to 256 printable characters without spaces');
  return raw;
}

function portOf(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_SERVE_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError(`--port must be a number from 0 to 65535 (0 picks a free port), not "${raw}"`);
  return port;
}

/** Resolves on the first SIGINT or SIGTERM. */
export function untilSignal(): Promise<void> {
  return new Promise((done) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
