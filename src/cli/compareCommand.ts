// `sentry-insight compare`: what changed between the workspace's release and the one before it (or `--base`), for
// release gates in CI: `--fail-on new,regressed` exits 3 when any named category holds an issue.
import { compareWorkspace } from './compareWorkspace';
import {
  comparisonCategories,
  defaultComparisonPeriod,
  type ComparisonCategory,
} from '../core/tracking/releaseComparison';
import { lastValue, UsageError, type ParsedArgs } from './args';
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
import { compareJson, compareText, failingCategories } from './compareOutput';
import { progressLine } from './progressLine';

/** The exit code of a comparison that found issues in a `--fail-on` category. */
export const gateFailedExitCode = 3;

export const compareSpec: CommandSpec = {
  name: 'compare',
  summary: 'Compare the release with the one before it: issues new in it, regressed in it, and gone since the base.',
  args: {
    valued: [...connectionArgs, 'base', 'fail-on'],
    switches: ['json', ...connectionSwitches, ...commonSwitches],
  },
  help: `Usage: sentry-insight compare [options]

Compares the workspace's release with a base release and lists the issues new in it (first seen in it),
regressed in it, and gone since the base (events in the base, none in the release).

Options:
${connectionOptionsHelp(defaultComparisonPeriod)}
  --base VERSION       the release to compare with; it must exist in the project (default: the project's
                       release before --release)
  --fail-on LIST       new, regressed and/or gone, comma-separated: exit ${gateFailedExitCode} when any of them holds an issue

${connectionSourcesHelp}

A release gate never passes on a typo: a --release, SENTRY_RELEASE or --base that does not exist in the
project stops the comparison with exit 2 (detection from git HEAD or package.json may still fall back to the
project's newest release, with a warning).

Examples:
  sentry-insight compare
  sentry-insight compare --release shop@1.4.2 --base shop@1.4.1 --json
  sentry-insight compare --release "$SENTRY_RELEASE" --environment production --fail-on new,regressed

Exit status: 0 success, 1 the server failed, 2 a configuration, authentication or input problem (an unknown
--release or --base among them), ${gateFailedExitCode} the --fail-on gate found issues.
`,
};

export async function runCompare(args: ParsedArgs, io: CommandIo): Promise<number> {
  let failOn: ComparisonCategory[];
  try {
    failOn = parseFailOn(args.options.get('fail-on') ?? []);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return reportBadInput(io, error.message);
  }
  const progress = progressLine(io.stderr);
  const options = await loadOptions(args, io, (message) => progress.update(message));
  if (!options.ok) return reportBadInput(io, options.error);
  // A release gate never passes on a typo: a --release or SENTRY_RELEASE that does not exist stops it.
  const result = await compareWorkspace({
    ...options.value,
    releaseMustExist: ['option', 'env'],
    base: lastValue(args, 'base'),
  });
  progress.done();
  if (!result.ok) return reportFailure(io, result.error);
  if (args.switches.has('json')) {
    io.stdout.write(`${JSON.stringify(compareJson(result.value), null, 2)}\n`);
  } else {
    for (const warning of result.value.warnings) io.stderr.write(`warning: ${warning}\n`);
    io.stdout.write(compareText(result.value));
  }
  const failing = failingCategories(result.value, failOn);
  if (failing.length === 0) return exitCodes.ok;
  io.stderr.write(
    `sentry-insight: release gate failed: ${failing.map((category) => `${result.value[category].length} ${category}`).join(', ')}\n`,
  );
  return gateFailedExitCode;
}

/** `--fail-on new,regressed` (repeatable, comma-separated). */
export function parseFailOn(values: readonly string[]): ComparisonCategory[] {
  const named = values
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
  for (const name of named) {
    if (!(comparisonCategories as readonly string[]).includes(name))
      throw new UsageError(`--fail-on takes ${comparisonCategories.join(', ')} (comma-separated), not "${name}"`);
  }
  return [...new Set(named as ComparisonCategory[])];
}
