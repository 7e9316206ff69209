// Parses Sentry's issue search syntax: `key:value`, `key:"quoted value"`, `key:[a, b]`, `!key:value` and free text.

export interface SearchFilter {
  key: string;
  /** One value, or several from the `[a, b]` list form (any of them matches). */
  values: string[];
  negated: boolean;
}

export interface ParsedIssueQuery {
  filters: SearchFilter[];
  /** Free-text words and quoted phrases, matched against the title. */
  text: string[];
}

export class IssueQueryError extends Error {}

const keyPattern = /^!?[A-Za-z][A-Za-z0-9_.-]*:/;

export function parseIssueQuery(query: string): ParsedIssueQuery {
  const parsed: ParsedIssueQuery = { filters: [], text: [] };
  const reader = { text: query, at: 0 };
  for (skipSpaces(reader); reader.at < reader.text.length; skipSpaces(reader)) {
    const keyMatch = keyPattern.exec(reader.text.slice(reader.at));
    if (keyMatch) {
      reader.at += keyMatch[0].length;
      const negated = keyMatch[0].startsWith('!');
      const key = keyMatch[0].slice(negated ? 1 : 0, -1);
      parsed.filters.push({ key, values: readValues(reader, key), negated });
    } else {
      parsed.text.push(peek(reader) === '"' ? readQuoted(reader) : readBare(reader));
    }
  }
  return parsed;
}

interface Reader {
  text: string;
  at: number;
}

function peek(reader: Reader): string {
  return reader.text.charAt(reader.at);
}

function skipSpaces(reader: Reader): void {
  while (/\s/.test(peek(reader))) reader.at += 1;
}

function readValues(reader: Reader, key: string): string[] {
  if (peek(reader) === '[') return readList(reader, key);
  const value = peek(reader) === '"' ? readQuoted(reader) : readBare(reader);
  if (value === '') throw new IssueQueryError(`Invalid query: "${key}:" has no value.`);
  return [value];
}

function readQuoted(reader: Reader): string {
  const start = reader.at;
  reader.at += 1;
  let value = '';
  while (reader.at < reader.text.length && peek(reader) !== '"') {
    if (peek(reader) === '\\' && reader.at + 1 < reader.text.length) reader.at += 1;
    value += peek(reader);
    reader.at += 1;
  }
  if (peek(reader) !== '"') throw new IssueQueryError(`Invalid query: unterminated quote at column ${start + 1}.`);
  reader.at += 1;
  return value;
}

function readBare(reader: Reader): string {
  const start = reader.at;
  while (reader.at < reader.text.length && !/\s/.test(peek(reader))) reader.at += 1;
  return reader.text.slice(start, reader.at);
}

function readList(reader: Reader, key: string): string[] {
  reader.at += 1;
  const values: string[] = [];
  for (;;) {
    skipSpaces(reader);
    if (reader.at >= reader.text.length) throw new IssueQueryError(`Invalid query: "${key}:[" is not closed.`);
    if (peek(reader) === '"') values.push(readQuoted(reader));
    else {
      const start = reader.at;
      while (reader.at < reader.text.length && !/[,\]]/.test(peek(reader))) reader.at += 1;
      values.push(reader.text.slice(start, reader.at).trim());
    }
    skipSpaces(reader);
    const separator = peek(reader);
    reader.at += 1;
    if (separator === ']') break;
    if (separator !== ',') throw new IssueQueryError(`Invalid query: expected "," or "]" in "${key}:[...]".`);
  }
  if (values.some((value) => value === '')) throw new IssueQueryError(`Invalid query: empty value in "${key}:[...]".`);
  return values;
}
