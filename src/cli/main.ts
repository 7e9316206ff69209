// Entry of the `sentry-insight` command: picks the subcommand, answers `--help`, turns bad usage into one line and
// exit 2, and turns the command's outcome into an exit code.
import { homedir } from 'node:os';
import type { Logger } from '../core/log';
import { parseArgs, UsageError, type ParsedArgs } from './args';
import { cliInvocation } from './cliInvocation';
import { compareSpec, gateFailedExitCode, runCompare } from './compareCommand';
import { exitCodes, type CommandIo } from './commandOptions';
import { eventSpec, runEvent } from './eventCommand';
import { usageLine, type CommandSpec } from './commandSpec';
import { mcpSpec, runMcp } from './mcpCommand';
import { runScan, scanSpec } from './scanCommand';
import { runServe, serveSpec, untilSignal } from './serveCommand';

const commands: readonly CommandSpec[] = [scanSpec, compareSpec, serveSpec, mcpSpec, eventSpec];

const overview = `Usage: sentry-insight <command> [options]

Commands:
${commands.map((command) => `  ${command.name.padEnd(8)} ${command.summary}`).join('\n')}

Run \`sentry-insight <command> --help\` for a command's options and examples.
Exit status: 0 success, 1 a failure of the server, 2 a configuration, authentication or input problem,
${gateFailedExitCode} compare's --fail-on gate.
`;

function stderrLogger(verbose: boolean): Logger {
  const write = (level: string) => (message: string) => process.stderr.write(`[${level}] ${message}\n`);
  const ignore = (): void => undefined;
  return {
    trace: verbose ? write('trace') : ignore,
    debug: verbose ? write('debug') : ignore,
    info: verbose ? write('info') : ignore,
    warn: write('warn'),
    error: write('error'),
  };
}

/** `-h` is the one short flag everybody tries. */
function withLongHelp(argv: readonly string[]): string[] {
  return argv.map((arg) => (arg === '-h' ? '--help' : arg));
}

async function main(rawArgv: readonly string[]): Promise<number> {
  const argv = withLongHelp(rawArgv);
  const name = argv[0]?.startsWith('-') ? undefined : argv[0];
  const stray = name === undefined ? argv.find((arg) => arg !== '--help') : undefined;
  if (stray !== undefined) {
    process.stderr.write(
      `${usageLine(`${stray} comes before any command: name the command (${commands.map((command) => command.name).join(', ')}) first`, undefined)}\n`,
    );
    return exitCodes.configuration;
  }
  if (name === undefined || name === 'help') {
    const asked = argv.includes('--help') || name === 'help';
    const topic =
      name === 'help' ? commands.find((command) => command.name === argv[argv.indexOf('help') + 1]) : undefined;
    (asked ? process.stdout : process.stderr).write(topic?.help ?? overview);
    return asked ? exitCodes.ok : exitCodes.configuration;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    process.stderr.write(
      `${usageLine(`unknown command "${name}" (the commands are ${commands.map((candidate) => candidate.name).join(', ')})`, undefined)}\n`,
    );
    return exitCodes.configuration;
  }
  let args: ParsedArgs;
  try {
    args = parseArgs(argv, command.args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${usageLine(error.message, command.name)}\n`);
    return exitCodes.configuration;
  }
  if (args.switches.has('help')) {
    process.stdout.write(command.help);
    return exitCodes.ok;
  }
  const log = stderrLogger(args.switches.has('verbose'));
  const home = homedir() || undefined;
  if (command === serveSpec) {
    const invocation = cliInvocation({
      env: process.env,
      script: process.argv[1] ?? 'dist/cli.js',
      cwd: process.cwd(),
    });
    return runServe(args, {
      stdout: process.stdout,
      stderr: process.stderr,
      cwd: process.cwd(),
      home,
      invocation,
      log,
      stopped: untilSignal(),
    });
  }
  const io: CommandIo = {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    home,
    log,
  };
  if (command === mcpSpec) return runMcp(args, io, untilSignal());
  if (command === eventSpec) return runEvent(args, io);
  return command === compareSpec ? runCompare(args, io) : runScan(args, io);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `sentry-insight: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = exitCodes.failed;
  },
);
