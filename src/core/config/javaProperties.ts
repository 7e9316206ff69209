// A tolerant parser for Java `.properties` files such as `sentry.properties`: `=`/`:`/space separators, `#`/`!` comments, continuations, escapes.
import { splitLines } from './configText';
import { unquote } from './configValue';

export interface PropertiesDocument {
  /** Key (lower case) to value; later keys win. */
  readonly entries: ReadonlyMap<string, string>;
  /** 1-based numbers of lines whose escapes could not be read. */
  readonly unreadableLines: readonly number[];
}

interface LogicalLine {
  readonly text: string;
  readonly lineNumber: number;
}

export function parseJavaProperties(text: string): PropertiesDocument {
  const entries = new Map<string, string>();
  const unreadableLines: number[] = [];
  for (const line of logicalLines(splitLines(text))) {
    const entry = parseEntry(line.text);
    if (entry === undefined) unreadableLines.push(line.lineNumber);
    else if (entry.key !== '') entries.set(entry.key.toLowerCase(), unquote(entry.value));
  }
  return { entries, unreadableLines };
}

/** Joins lines that end in an odd number of backslashes with the next one, and drops comments and blank lines. */
function logicalLines(physical: readonly string[]): LogicalLine[] {
  const lines: LogicalLine[] = [];
  let pending: LogicalLine | undefined;
  physical.forEach((raw, index) => {
    const text = raw.replace(/^[ \t\f]+/, '');
    if (pending === undefined && (text === '' || text.startsWith('#') || text.startsWith('!'))) return;
    const joined: LogicalLine = pending
      ? { text: pending.text + text, lineNumber: pending.lineNumber }
      : { text, lineNumber: index + 1 };
    if (endsWithContinuation(joined.text)) {
      pending = { text: joined.text.slice(0, -1), lineNumber: joined.lineNumber };
    } else {
      pending = undefined;
      lines.push(joined);
    }
  });
  if (pending !== undefined) lines.push(pending);
  return lines;
}

function endsWithContinuation(text: string): boolean {
  const trailing = /\\*$/.exec(text)?.[0].length ?? 0;
  return trailing % 2 === 1;
}

/** The key ends at the first unescaped `=`, `:` or whitespace; one separator and the whitespace around it are skipped. */
function parseEntry(line: string): { key: string; value: string } | undefined {
  let end = 0;
  while (end < line.length && !/[=:\s]/.test(line.charAt(end))) end += line.charAt(end) === '\\' ? 2 : 1;
  const rest = line.slice(end).replace(/^[ \t\f]*[=:]?[ \t\f]*/, '');
  const key = unescape(line.slice(0, end));
  const value = unescape(rest);
  return key === undefined || value === undefined ? undefined : { key, value };
}

function unescape(text: string): string | undefined {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charAt(i);
    if (char !== '\\') {
      out += char;
      continue;
    }
    const next = text.charAt(i + 1);
    i += 1;
    if (next === 'u') {
      const hex = text.slice(i + 1, i + 5);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) return undefined;
      out += String.fromCharCode(Number.parseInt(hex, 16));
      i += 4;
    } else {
      out += escapes[next] ?? next;
    }
  }
  return out;
}

const escapes: Readonly<Record<string, string>> = { t: '\t', n: '\n', r: '\r', f: '\f' };
