// `sentry-insight event <issue>`: the latest event of one issue, from error to cause: its stack with the workspace
// lines the frames resolve to today, the local variables the SDK sent (scrubbed), the raising line's suspect commit
// (git blame at the release) and its file's code owners (CODEOWNERS).
import { defaultStatsPeriod } from '../core/api/statsPeriod';
import { ownersText } from '../core/format/ownersText';
import { oneLine } from '../core/format/untrustedText';
import { defaultLocalPort } from '../core/local/localPort';
import type { ParsedArgs } from './args';
import {
  connectionArgs,
  connectionOptionsHelp,
  connectionSourcesHelp,
  connectionSwitches,
  exitCodes,
  type CommandIo,
} from './commandOptions';
import { commonSwitches, usageLine, type CommandSpec } from './commandSpec';
import { eventJson, raisingLineOf } from './eventOutput';
import { connectWorkspace } from './workspaceConnection';

/** A numeric issue id or a short id such as SHOP-1A; nothing that could be read as a path or an option. */
const issueReference = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;
/** The CLI prints the whole context; the assistant's cap is for a model's window, not a terminal. */
const maxTextBytes = 400_000;

export const eventSpec: CommandSpec = {
  name: 'event',
  summary: "Print an issue's latest event: its stack on workspace lines, variables, suspect commit and code owners.",
  args: { valued: [...connectionArgs], switches: ['json', ...connectionSwitches, ...commonSwitches], operand: true },
  help: `Usage: sentry-insight event <issue id or short id> [options]

Prints the latest event of one issue: the exception chain (thrown first) with each stack's frames innermost
first, the workspace file and line each in-app frame resolves to today with the source around it, the local
variables the SDK recorded (scrubbed of secrets and personal data), the commit that last changed the raising
line (git blame at the release's commit or tag when the repository has it) and the code owners of its file
(CODEOWNERS in .github/, the root or docs/).

Options:
${connectionOptionsHelp(defaultStatsPeriod)}

${connectionSourcesHelp}

Examples:
  sentry-insight event SHOP-1A
  sentry-insight event 6507376925 --org acme --project shop --json
  sentry-insight event LOCAL-3 --url http://127.0.0.1:${defaultLocalPort} --org local --project 1 --workspace ~/src/shop

Exit status: 0 success, 1 the server failed, 2 a configuration, authentication or input problem (an issue
the project does not have included).
`,
};

export async function runEvent(args: ParsedArgs, io: CommandIo): Promise<number> {
  const reference = args.operand;
  if (reference === undefined)
    return usage(io, 'name the issue: its id or short id, e.g. `sentry-insight event SHOP-1A`');
  if (!issueReference.test(reference))
    return usage(io, `"${oneLine(reference, 60)}" is not an issue id or short id (e.g. 6507376925 or SHOP-1A)`);
  const connected = await connectWorkspace(args, io);
  if (!connected.ok) return connected.error;
  const { workspace, client, org, options, causes } = connected.value;
  const { log } = options;
  try {
    const loaded = await workspace.issues();
    if (!loaded.ok) log.warn(`Could not load the release's issues: ${loaded.error.message}`);
    const found = await workspace.find(reference);
    if (!found.ok) {
      io.stderr.write(
        `sentry-insight: ${found.error.kind === 'notFound' ? `no issue ${oneLine(reference, 60)} in ${org}: ${found.error.message}` : found.error.message}\n`,
      );
      return found.error.kind === 'notFound' ? exitCodes.configuration : exitCodes.failed;
    }
    const { issue, event } = found.value;
    const located = event ? await workspace.locate(event) : new Map();
    const raising = event ? raisingLineOf(event, located) : undefined;
    const releaseVersion = loaded.ok ? loaded.value.release?.version : undefined;
    const [suspect, owners] = raising
      ? await Promise.all([
          causes.suspectOf(raising.file, raising.line, releaseVersion).catch(() => undefined),
          causes.ownersOf(raising.file).catch(() => undefined),
        ])
      : [undefined, undefined];
    if (args.switches.has('json')) {
      io.stdout.write(
        `${JSON.stringify(eventJson({ issue, ...(event ? { event } : {}), located, ...(suspect ? { suspect } : {}), ...(owners ? { owners } : {}) }), null, 2)}\n`,
      );
      return exitCodes.ok;
    }
    const context = await workspace.context(issue.id, { maxBytes: maxTextBytes });
    io.stdout.write(context.ok ? context.value : `${issue.shortId}: ${context.error.message}\n`);
    if (raising && owners) io.stdout.write(`\n${ownersText(raising.file, owners)}\n`);
    else if (raising) io.stdout.write(`\nNo CODEOWNERS rule names ${oneLine(raising.file, 200)}.\n`);
    return exitCodes.ok;
  } finally {
    await client.close();
  }
}

function usage(io: CommandIo, problem: string): number {
  io.stderr.write(`${usageLine(problem, 'event')}\n`);
  return exitCodes.configuration;
}
