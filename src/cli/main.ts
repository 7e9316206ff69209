// Entry of the `sentry-insight` command: dispatches to a subcommand and turns its outcome into an exit code.
import type { Logger } from '../core/log';
import { parseArgs, UsageError } from './args';
import { compareArgs, runCompare } from './compareCommand';
import { exitCodes } from './commandOptions';
import { runScan, scanArgs } from './scanCommand';
import { runServe, serveArgs, untilSignal } from './serveCommand';

const usage = `Usage: sentry-insight <command> [options]

Commands:
  scan     List the workspace lines in the stack traces of the release's unresolved issues.
  compare  Compare the release with the one before it: issues new in it, regressed in it, and gone since the base.
  serve    Run a local Sentry on 127.0.0.1: point an SDK's DSN at it, then scan it or watch its new issues here.

scan options:
  --url URL            Sentry server (default: SENTRY_URL, .sentryclirc, https://sentry.io)
  --org SLUG           organization (default: SENTRY_ORG, .sentryclirc, sentry.properties)
  --project SLUG       project (default: SENTRY_PROJECT, .sentryclirc, sentry.properties)
  --release VERSION    release (default: SENTRY_RELEASE, git HEAD, package.json name@version)
  --environment NAME   only events of this environment (repeatable)
  --workspace DIR      the checkout to match frames against (default: the current directory)
  --period PERIOD      time window for counts, e.g. 24h, 14d, 90d (default: 14d)
  --json               print one JSON object instead of the listing
  --release-facts      also ask each issue where it started and was last seen (one more request per issue)
  --verbose            log requests to stderr

compare options: as scan (--period defaults to 90d), plus
  --base VERSION       the release to compare with (default: the project's release before --release)
  --fail-on LIST       new, regressed and/or gone, comma-separated: exit 3 when any of them holds an issue

serve options:
  --port PORT          port on 127.0.0.1 (default 8963; 0 picks a free port)
  --store DIR          where events are kept (default: ~/.sentry-insight/local-store)
  --workspace DIR      the checkout whose files and source maps resolve frames (default: the current directory)
  --project ID         the project id printed in the DSN (default: 1; any id is accepted)
  --token TOKEN        every Web API request needs "Authorization: Bearer TOKEN" (default: reads are open to
                       programs on this machine, changes need the token kept in the store folder)
  --keep-ip-addresses  store client IP addresses (default: dropped, as Sentry's "Prevent Storing of IP Addresses")
  --sensitive-fields LIST  more field names to filter, comma-separated (Sentry's "Additional Sensitive Fields")
  --no-scrubbing       store events as sent, without Sentry's default data scrubbing

The auth token comes from SENTRY_AUTH_TOKEN or the [auth] token of .sentryclirc.
Exit status: 0 success, 2 configuration or authentication problem, 1 other failure, 3 compare's --fail-on gate.
`;

function stderrLogger(verbose: boolean): Logger {
  const write = (level: string) => (message: string) => process.stderr.write(`[${level}] ${message}\n`);
  const ignore = (): void => undefined;
  return { trace: verbose ? write('trace') : ignore, debug: verbose ? write('debug') : ignore, info: verbose ? write('info') : ignore, warn: write('warn'), error: write('error') };
}

async function main(argv: readonly string[]): Promise<number> {
  let args;
  try {
    args = parseArgs(argv, argv[0] === 'serve' ? serveArgs : argv[0] === 'compare' ? compareArgs : scanArgs);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`sentry-insight: ${error.message}\n\n${usage}`);
    return exitCodes.configuration;
  }
  if (args.switches.has('help') || args.command === undefined || args.command === 'help') {
    (args.command === undefined && !args.switches.has('help') ? process.stderr : process.stdout).write(usage);
    return args.command === undefined && !args.switches.has('help') ? exitCodes.configuration : exitCodes.ok;
  }
  if (args.command === 'serve') {
    return runServe(args, { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), log: stderrLogger(args.switches.has('verbose')), stopped: untilSignal() });
  }
  const io = { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), log: stderrLogger(args.switches.has('verbose')) };
  if (args.command === 'compare') return runCompare(args, io);
  if (args.command !== 'scan') {
    process.stderr.write(`sentry-insight: unknown command "${args.command}"\n\n${usage}`);
    return exitCodes.configuration;
  }
  return runScan(args, io);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`sentry-insight: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = exitCodes.failed;
  },
);
