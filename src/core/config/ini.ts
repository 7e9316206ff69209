// A tolerant parser for the INI dialect of `.sentryclirc`: sections, `key = value` or `key: value`, `#`/`;` comments, quotes, any line ending.
import { splitLines } from './configText';
import { unquote } from './configValue';

export interface IniDocument {
  /** Section name (lower case) to key (lower case) to value; keys before the first section are under "". Later keys win. */
  readonly sections: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** 1-based numbers of lines that are neither a section, a key, a comment nor blank. */
  readonly unreadableLines: readonly number[];
}

export function parseIni(text: string): IniDocument {
  const sections = new Map<string, Map<string, string>>();
  const unreadableLines: number[] = [];
  let section = '';
  splitLines(text).forEach((rawLine, index) => {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) return;
    const header = /^\[([^\]]*)\]\s*(?:[#;].*)?$/.exec(line);
    if (header) {
      section = (header[1] ?? '').trim().toLowerCase();
      return;
    }
    const entry = parseEntry(line);
    if (!entry) {
      unreadableLines.push(index + 1);
      return;
    }
    const keys = sections.get(section) ?? new Map<string, string>();
    keys.set(entry.key, entry.value);
    sections.set(section, keys);
  });
  return { sections, unreadableLines };
}

function parseEntry(line: string): { key: string; value: string } | undefined {
  // The first `=` or `:` separates, so `url: https://x` and `url = https://x` both work.
  const separator = line.search(/[=:]/);
  if (separator <= 0) return undefined;
  const key = line.slice(0, separator).trim().toLowerCase();
  if (key === '' || /\s/.test(key)) return undefined;
  return { key, value: cleanValue(line.slice(separator + 1)) };
}

/** A quoted value ends at its closing quote; an unquoted one at a `#` or `;` comment that follows whitespace. */
function cleanValue(raw: string): string {
  const value = raw.trim();
  const quote = value[0];
  if (quote === '"' || quote === "'") {
    const closing = value.indexOf(quote, 1);
    if (closing > 0) return value.slice(1, closing).trim();
  }
  return unquote(value.replace(/\s[#;].*$/, ''));
}
