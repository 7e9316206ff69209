// `serve`'s options for how much the local store keeps (issue 12: the caps are the user's to choose): each a whole
// number within bounds that keep memory and restart time sane; unset ones keep the store's defaults.
import { defaultStoreLimits, type StoreLimits } from '../core/local/store/storeLimits';
import { lastValue, UsageError, type ParsedArgs } from './args';

interface LimitOption {
  readonly option: string;
  readonly limit: keyof StoreLimits;
  readonly min: number;
  readonly max: number;
  /** The option's unit in the store's terms (megabytes given, characters kept). */
  readonly scale: number;
}

const megabyte = 1_000_000;

export const storeLimitOptions: readonly LimitOption[] = [
  { option: 'max-events', limit: 'maxEvents', min: 10, max: 1_000_000, scale: 1 },
  { option: 'max-events-per-issue', limit: 'maxEventsPerIssue', min: 1, max: 10_000, scale: 1 },
  // Evicting an issue scans them all: beyond 100,000 each new issue would cost too much.
  { option: 'max-issues', limit: 'maxIssues', min: 10, max: 100_000, scale: 1 },
  { option: 'max-store-mb', limit: 'maxEventChars', min: 1, max: 16_000, scale: megabyte },
];

/** The help lines of the options, with their defaults. */
export function storeLimitHelp(): string {
  const described: Record<string, string> = {
    'max-events': 'events kept, the oldest dropped first',
    'max-events-per-issue': 'events kept per issue (counts stay whole)',
    'max-issues': 'issues kept, the least recently seen dropped first',
    'max-store-mb': 'megabytes of event bodies kept',
  };
  return storeLimitOptions
    .map(({ option, limit, min, max, scale }) => {
      const name = `  --${option} N`;
      const text = `${described[option]} (default ${defaultStoreLimits[limit] / scale}; ${min} to ${max})`;
      // As the other options: the text in the second column, on a line of its own under a long name.
      return name.length < 23 ? `${name.padEnd(23)}${text}` : `${name}\n${' '.repeat(23)}${text}`;
    })
    .join('\n');
}

/** The limits the options set; throws UsageError (exit 2) for a value that is not a whole number within bounds. */
export function storeLimitsOf(args: ParsedArgs): Partial<StoreLimits> {
  const limits: Partial<Record<keyof StoreLimits, number>> = {};
  for (const { option, limit, min, max, scale } of storeLimitOptions) {
    const raw = lastValue(args, option);
    if (raw === undefined) continue;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) throw new UsageError(`--${option} must be a whole number from ${min} to ${max}, not "${raw}"`);
    limits[limit] = value * scale;
  }
  return limits;
}
