// `sentry-insight serve`: runs the embedded local Sentry in the terminal, prints the DSN to give an SDK, and prints each
// new issue as it arrives with the workspace file and line it was raised at. Stops on Ctrl-C (SIGINT) or SIGTERM.
import { basename, resolve } from 'node:path';
import { oneLine } from '../core/format/untrustedText';
import { defaultLocalPort } from '../core/local/localPort';
import { startLocalSentry, type IngestChange } from '../core/local/localSentry';
import { defaultServeStore } from '../core/local/server/localTokenFinder';
import type { StoreLimits } from '../core/local/store/storeLimits';
import { StoreOpenError } from '../core/local/store/storeOpenError';
import type { Logger } from '../core/log';
import type { ScrubbingSettings } from '../core/privacy/sensitiveData';
import { lastValue, UsageError, type ParsedArgs } from './args';
import { shellWord } from './cliInvocation';
import { commonSwitches, type CommandSpec } from './commandSpec';
import { storeLimitHelp, storeLimitOptions, storeLimitsOf } from './storeLimitOptions';
import { workspaceFolder } from './workspaceFolder';

export const serveSpec: CommandSpec = {
  name: 'serve',
  summary: "Run a local Sentry on 127.0.0.1: point an SDK's DSN at it, then scan it or watch its new issues here.",
  args: {
    valued: [
      'port',
      'store',
      'workspace',
      'project',
      'token',
      'sensitive-fields',
      ...storeLimitOptions.map(({ option }) => option),
    ],
    switches: [...commonSwitches, 'keep-ip-addresses', 'no-scrubbing'],
  },
  help: `Usage: sentry-insight serve [options]

Runs a local Sentry on 127.0.0.1 until Ctrl-C: it prints the DSN to give an SDK, then one line per new issue
(and per issue that comes back) with the workspace file and line that raised it. \`scan --url\` reads it like any
Sentry, without a token (with --token, give scan that token as SENTRY_AUTH_TOKEN).

Options:
  --port PORT          port on 127.0.0.1 (default ${defaultLocalPort}; 0 picks a free port)
  --store DIR          where events are kept (default: ~/.sentry-insight/local-store)
  --workspace DIR      the checkout whose files and source maps resolve frames (default: the project root: the
                       nearest folder at or above the current one holding .sentryclirc, sentry.properties,
                       package.json or .git)
  --project ID         the project id printed in the DSN (default: 1; events for any id are accepted)
  --token TOKEN        every Web API request needs "Authorization: Bearer TOKEN" (16 to 256 printable characters;
                       default: reads are open to programs on this machine, changes need the token kept in the
                       store folder's local-api-token file)
  --keep-ip-addresses  store client IP addresses (default: dropped, as Sentry's "Prevent Storing of IP Addresses")
  --sensitive-fields LIST
                       more field names to filter, comma-separated (Sentry's "Additional Sensitive Fields")
  --no-scrubbing       store events as sent, without Sentry's default data scrubbing
${storeLimitHelp()}
  --verbose            log each request and each stored event to stderr
  --help               show this help

Examples:
  sentry-insight serve
  sentry-insight serve --port 0 --store /tmp/sentry-store --workspace ~/src/shop --project 7
  sentry-insight serve --sensitive-fields session_key,pin --keep-ip-addresses
  sentry-insight serve --max-events 50000 --max-store-mb 512
  SENTRY_DSN=http://local@127.0.0.1:${defaultLocalPort}/1 node app.js      (in another terminal: send it errors)

Exit status: 0 after Ctrl-C, 1 the port or the store cannot be had, 2 an input problem.
`,
};

export interface ServeIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly cwd: string;
  readonly home: string | undefined;
  /** How the user ran this CLI, so the `scan` command it suggests works from their shell as printed. */
  readonly invocation: string;
  readonly log: Logger;
  /** Resolves when the command should stop (a signal); the CLI passes one that waits for SIGINT/SIGTERM. */
  readonly stopped: Promise<void>;
}

/** Exit code 2 for bad options, 1 when the port or the store cannot be had, 0 after a clean stop. */
export async function runServe(args: ParsedArgs, io: ServeIo): Promise<number> {
  let port: number;
  let projectId: string;
  let token: string | undefined;
  let storeLimits: Partial<StoreLimits>;
  try {
    storeLimits = storeLimitsOf(args);
    port = portOf(lastValue(args, 'port'));
    projectId = projectOf(lastValue(args, 'project'));
    token = tokenOf(lastValue(args, 'token'));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`sentry-insight: ${error.message}\n`);
    return 2;
  }
  const found = await workspaceFolder(lastValue(args, 'workspace'), io.cwd, io.home);
  if (!found.ok) {
    io.stderr.write(`sentry-insight: ${found.error}\n`);
    return 2;
  }
  const workspace = found.value;
  const store = resolve(io.cwd, lastValue(args, 'store') ?? defaultServeStore(io.home ?? io.cwd));
  let server;
  try {
    // With --token every Web API request needs that token; without it, changes need the per-install one beside the store.
    server = await startLocalSentry({
      port,
      storeDirectory: store,
      workspaceFolders: [{ name: basename(workspace) || 'workspace', path: workspace }],
      log: io.log,
      apiToken: token,
      tokenForReads: token !== undefined,
      scrubbing: scrubbingOf(args),
      storeLimits,
    });
  } catch (error) {
    if (error instanceof StoreOpenError) {
      io.stderr.write(`sentry-insight: ${error.message} (choose it with --store)\n`);
      return 1;
    }
    const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
    io.stderr.write(
      `sentry-insight: cannot listen on 127.0.0.1:${port}: ${inUse ? 'the port is in use; pick another with --port (0 picks a free one)' : String(error)}\n`,
    );
    return 1;
  }
  if (server.storeWarning !== undefined) io.stderr.write(`sentry-insight: ${server.storeWarning}\n`);
  const subscription = server.onDidIngest((change) => {
    const line = ingestLine(change);
    if (line !== undefined) io.stdout.write(`${line}\n`);
  });
  io.stdout.write(
    [
      `Local Sentry listening on ${server.url}`,
      `DSN: ${server.dsn(projectId)}`,
      `Store: ${store}`,
      // The token itself is never printed: it would land in terminal scrollback and CI logs.
      token === undefined
        ? `Web API: reads are open to programs on this machine (never to web pages); changes need the token in ${server.apiTokenFile ?? 'memory'}`
        : 'Web API: every request needs the --token value as "Authorization: Bearer <token>"',
      `Workspace: ${workspace}`,
      ...readItWithLines({
        invocation: io.invocation,
        url: server.url,
        projectId,
        workspace,
        readsNeedToken: token !== undefined,
      }),
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

/**
 * One line for an event that says something about its issue; undefined for another event of an issue already seen in
 * its release. `new` only for an issue this event created (untrusted text flattened to one line):
 *   new PROJECT-1-3  src/cart.js:12  TypeError: cart 7 has no items
 *   regressed PROJECT-1-3  src/cart.js:12  TypeError: cart 7 has no items  (was resolved; back in shop@1.1.0)
 *   existing PROJECT-1-3  src/cart.js:12  TypeError: cart 7 has no items  (first seen in shop@1.1.0; known since shop@1.0.0)
 */
/**
 * The `scan` command that reads this server, runnable as printed from where serve started; with --token, reads need
 * that token too, which is named but never printed (it would land in scrollback and CI logs).
 */
export function readItWithLines(hint: {
  invocation: string;
  url: string;
  projectId: string;
  workspace: string;
  readsNeedToken: boolean;
}): string[] {
  const command = `Read it with: ${hint.invocation} scan --url ${hint.url} --org local --project ${hint.projectId} --workspace ${shellWord(hint.workspace)}`;
  return hint.readsNeedToken
    ? [command, '  (with SENTRY_AUTH_TOKEN set to the --token value: reads need it)']
    : [command];
}

export function ingestLine(change: IngestChange): string | undefined {
  if (change.story === 'again') return undefined;
  const place = change.raisedAt ? `${change.raisedAt.file}:${change.raisedAt.line}` : '(not in the workspace)';
  const label = { new: 'new', regressed: 'regressed', firstInRelease: 'existing' }[change.story];
  return `${label} ${oneLine(change.shortId, 40)}  ${oneLine(place, 120)}  ${oneLine(change.title, 120)}${storyNote(change)}`;
}

function storyNote(change: IngestChange): string {
  const release = change.release === undefined ? undefined : oneLine(change.release, 80);
  if (change.story === 'regressed') return release ? `  (was resolved; back in ${release})` : '  (was resolved; back)';
  if (change.story !== 'firstInRelease' || release === undefined) return '';
  const since =
    change.issueFirstRelease && change.issueFirstRelease !== change.release
      ? `; known since ${oneLine(change.issueFirstRelease, 80)}`
      : '';
  return `  (first seen in ${release}${since})`;
}

function projectOf(raw: string | undefined): string {
  if (raw === undefined) return '1';
  if (!/^[1-9]\d{0,18}$/.test(raw))
    throw new UsageError(`--project must be a DSN's project id (a number from 1), not "${raw}"`);
  return raw;
}

/** Sentry's default data scrubbing unless --no-scrubbing; --keep-ip-addresses and --sensitive-fields a,b tune it. */
function scrubbingOf(args: ParsedArgs): ScrubbingSettings {
  const extra = lastValue(args, 'sensitive-fields');
  return {
    enabled: !args.switches.has('no-scrubbing'),
    keepIpAddresses: args.switches.has('keep-ip-addresses'),
    extraSensitiveKeys:
      extra === undefined
        ? []
        : extra
            .split(',')
            .map((name) => name.trim())
            .filter(Boolean),
  };
}

function tokenOf(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (!/^[\x21-\x7e]{16,256}$/.test(raw))
    throw new UsageError('--token must be 16 to 256 printable characters without spaces');
  return raw;
}

function portOf(raw: string | undefined): number {
  if (raw === undefined) return defaultLocalPort;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new UsageError(`--port must be a number from 0 to 65535 (0 picks a free port), not "${raw}"`);
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
