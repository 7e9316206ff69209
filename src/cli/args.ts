// Parses the `sentry-insight` command line: a command, `--flag value` / `--flag=value` options and boolean switches.

export interface ParsedArgs {
  readonly command?: string;
  readonly options: ReadonlyMap<string, readonly string[]>;
  readonly switches: ReadonlySet<string>;
  /** The argument after the command, for a command that takes one (`event SHOP-1A`). */
  readonly operand?: string;
}

export class UsageError extends Error {}

export interface ArgSpec {
  /** Options that take a value; repeatable ones collect every value. */
  readonly valued: readonly string[];
  readonly switches: readonly string[];
  /** The command takes one argument after its name. */
  readonly operand?: boolean;
}

export function parseArgs(argv: readonly string[], spec: ArgSpec): ParsedArgs {
  const options = new Map<string, string[]>();
  const switches = new Set<string>();
  let command: string | undefined;
  let operand: string | undefined;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] as string;
    if (!arg.startsWith('--')) {
      if (command === undefined) command = arg;
      else if (spec.operand && operand === undefined) operand = arg;
      else throw new UsageError(`unexpected argument "${arg}"`);
      continue;
    }
    const [name, inlineValue] = splitOnce(arg.slice(2), '=');
    if (spec.switches.includes(name)) {
      if (inlineValue !== undefined) throw new UsageError(`--${name} takes no value`);
      switches.add(name);
    } else if (spec.valued.includes(name)) {
      const value = inlineValue ?? argv[++index];
      if (value === undefined || (inlineValue === undefined && value.startsWith('--')))
        throw new UsageError(`--${name} needs a value`);
      options.set(name, [...(options.get(name) ?? []), value]);
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return { command, options, switches, ...(operand === undefined ? {} : { operand }) };
}

/** The last value given for an option (later flags override earlier ones). */
export function lastValue(args: ParsedArgs, name: string): string | undefined {
  return args.options.get(name)?.at(-1);
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
