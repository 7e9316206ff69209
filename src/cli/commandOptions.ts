// What `scan` and `compare` share on the command line: the connection and workspace options (checked before anything
// is sent), their help, and how a failure to load is told on stderr and turned into an exit code.
import { parseStatsPeriod } from '../core/api/statsPeriod';
import type { Logger } from '../core/log';
import { err, ok, type Result } from '../core/result';
import type { ScanFailure, ScanOptions } from './workspaceScan';
import { lastValue, type ParsedArgs } from './args';
import { tokenDestinationNotice } from './tokenDestination';
import { workspaceFolder } from './workspaceFolder';

export interface CommandIo {
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** The user's home folder, where sentry-cli keeps its global `.sentryclirc`; undefined when there is none. */
  readonly home: string | undefined;
  readonly log: Logger;
}

export const exitCodes = { ok: 0, failed: 1, configuration: 2 } as const;

/** The options every loading command takes: `--url --org --project --release --environment --period --workspace`. */
export const connectionArgs = ['url', 'org', 'project', 'release', 'environment', 'workspace', 'period'] as const;

/** The switch every loading command takes besides the common ones. */
export const connectionSwitches = ['no-checkout-config'] as const;

/**
 * The help lines of `connectionArgs`, `connectionSwitches` and the common switches, with the command's default period;
 * `--json` only for commands that print a result.
 */
export function connectionOptionsHelp(defaultPeriod: string, json = true): string {
  return `  --url URL            Sentry server, http(s) (default: SENTRY_URL, .sentryclirc, sentry.properties,
                       ~/.sentryclirc, else https://sentry.io)
  --org SLUG           organization (default: SENTRY_ORG, .sentryclirc, sentry.properties, ~/.sentryclirc)
  --project SLUG       project (default: SENTRY_PROJECT, .sentryclirc, sentry.properties, ~/.sentryclirc)
  --release VERSION    release; it must exist in the project (default: SENTRY_RELEASE, git HEAD,
                       package.json name@version, else the project's newest)
  --environment NAME   only events of this environment (repeatable)
  --workspace DIR      the checkout to match frames against (default: the project root: the nearest folder
                       at or above the current one holding .sentryclirc, sentry.properties, package.json or .git)
  --period PERIOD      time window for counts: a number and s, m, h, d or w, e.g. 24h, 14d (default: ${defaultPeriod})
  --no-checkout-config read no .sentryclirc or sentry.properties from the checkout: the server, organization,
                       project and token then come from the options, the environment and ~/.sentryclirc (for CI
                       on branches you do not trust, where a pull request could name another server)${
                         json
                           ? `
  --json               print one JSON object instead of the listing`
                           : ''
                       }
  --verbose            log requests to stderr
  --help               show this help`;
}

/** Where the connection comes from, for every loading command's help. */
export const connectionSourcesHelp = `Each setting comes from the first place that has it: the option, the environment (SENTRY_URL,
SENTRY_ORG, SENTRY_PROJECT, SENTRY_AUTH_TOKEN, SENTRY_RELEASE), the project's .sentryclirc, its
sentry.properties, then your ~/.sentryclirc, as sentry-cli reads them. The auth token comes from
SENTRY_AUTH_TOKEN or an [auth] token line; the local Sentry of \`serve\` needs none. When the checkout's file
names the server, the host the token is sent to is printed on stderr first.`;

/** The options as the core takes them, or one sentence on what is wrong with them (nothing has been sent yet). */
export async function loadOptions(
  args: ParsedArgs,
  io: CommandIo,
  onProgress: (message: string) => void,
): Promise<Result<ScanOptions, string>> {
  const period = lastValue(args, 'period');
  if (period !== undefined) {
    const parsed = parseStatsPeriod(period);
    if (!parsed.ok) return err(`--period "${period}" is not a time window: ${parsed.error}`);
  }
  const workspace = await workspaceFolder(lastValue(args, 'workspace'), io.cwd, io.home);
  if (!workspace.ok) return workspace;
  io.log.info(`Workspace: ${workspace.value}`);
  return ok({
    url: lastValue(args, 'url'),
    org: lastValue(args, 'org'),
    project: lastValue(args, 'project'),
    release: lastValue(args, 'release'),
    environments: args.options.get('environment'),
    statsPeriod: period,
    workspaceDir: workspace.value,
    homeDir: io.home,
    ignoreWorkspaceFiles: args.switches.has('no-checkout-config'),
    onResolved: (connection) => {
      const notice = tokenDestinationNotice(connection, workspace.value);
      if (notice !== undefined) io.stderr.write(`sentry-insight: ${notice}\n`);
    },
    env: io.env,
    log: io.log,
    onProgress,
  });
}

/** One line on stderr; exit 2 for what the user must fix in the configuration, 1 otherwise. */
export function reportFailure(io: CommandIo, failure: ScanFailure): number {
  io.stderr.write(`sentry-insight: ${failure.kind === 'configuration' ? failure.message : failure.error.message}\n`);
  return failure.kind === 'configuration' ? exitCodes.configuration : exitCodes.failed;
}

/** One line on stderr for bad input, exit 2. */
export function reportBadInput(io: Pick<CommandIo, 'stderr'>, message: string): number {
  io.stderr.write(`sentry-insight: ${message}\n`);
  return exitCodes.configuration;
}
