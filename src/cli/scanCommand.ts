// `sentry-insight scan`: loads the release's issues and prints the workspace lines in their stack traces.
import { defaultStatsPeriod } from '../core/api/statsPeriod';
import { defaultLocalPort } from '../core/local/localPort';
import { scan } from './workspaceScan';
import { describeMissing } from '../core/session/incompleteLoad';
import type { ParsedArgs } from './args';
import {
  connectionArgs,
  connectionOptionsHelp,
  connectionSwitches,
  connectionSourcesHelp,
  exitCodes,
  loadOptions,
  reportBadInput,
  reportFailure,
  type CommandIo,
} from './commandOptions';
import { commonSwitches, type CommandSpec } from './commandSpec';
import { progressLine } from './progressLine';
import { annotationCauses } from './annotationCauses';
import { scanJson, scanText } from './scanOutput';

export const scanSpec: CommandSpec = {
  name: 'scan',
  summary: "List the workspace lines in the stack traces of the release's unresolved issues.",
  args: { valued: [...connectionArgs], switches: ['json', 'release-facts', ...connectionSwitches, ...commonSwitches] },
  help: `Usage: sentry-insight scan [options]

Lists the lines of your checkout that appear in the stack traces of the release's unresolved issues, with
their event and user counts, grouped by file.

Options:
${connectionOptionsHelp(defaultStatsPeriod)}
  --release-facts      also ask each issue where it started and was last seen (one more request per issue)

${connectionSourcesHelp}

Examples:
  sentry-insight scan
  sentry-insight scan --org acme --project shop --release shop@1.4.2 --environment production
  sentry-insight scan --url https://sentry.example.com --period 24h --json > marks.json
  sentry-insight scan --url http://127.0.0.1:${defaultLocalPort} --org local --project 1 --workspace ~/src/shop

Exit status: 0 success, 1 the server failed (or too busy to answer for every issue), 2 a configuration,
authentication or input problem.
`,
};

export async function runScan(args: ParsedArgs, io: CommandIo): Promise<number> {
  const progress = progressLine(io.stderr);
  const options = await loadOptions(args, io, (message) => progress.update(message));
  if (!options.ok) return reportBadInput(io, options.error);
  // A release typed on the command line must exist; SENTRY_RELEASE may fall back, with a warning, as in the editor.
  const result = await scan({
    ...options.value,
    releaseMustExist: ['option'],
    releaseFacts: args.switches.has('release-facts'),
  });
  progress.done();
  if (!result.ok) return reportFailure(io, result.error);
  if (args.switches.has('json')) {
    const causes = await annotationCauses(result.value.index.allHits(), result.value.release?.version);
    io.stdout.write(`${JSON.stringify(scanJson(result.value, causes), null, 2)}\n`);
  } else {
    for (const warning of result.value.warnings) io.stderr.write(`warning: ${warning}\n`);
    io.stdout.write(scanText(result.value));
  }
  // Marks are missing where the server was too busy: a gate must not pass on a partial answer.
  const missing = describeMissing(
    result.value.missing.map((entry) => ({ shortId: entry.shortId, message: entry.error.message })),
  );
  if (missing) {
    io.stderr.write(`sentry-insight: incomplete: ${missing} Run the scan again to finish.\n`);
    return exitCodes.failed;
  }
  return exitCodes.ok;
}
