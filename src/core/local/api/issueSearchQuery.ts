// Parses Sentry's issue search: `key:value`, `key:"quoted value"`, `key:[a, b]`, `!key:value`, and free text. The test
// fake Sentry parses with this too, so the two servers cannot drift apart.
import { AnswerNow, detail } from './apiAnswer';

/** A query that does not parse: answered as Sentry's 400. */
export class IssueSearchError extends AnswerNow {}

export interface SearchFilter {
  readonly key: string;
  /** Any of these matches (the `[a, b]` form gives several). */
  readonly values: readonly string[];
  readonly negated: boolean;
}

export interface IssueSearch {
  readonly filters: readonly SearchFilter[];
  /** Free words and quoted phrases, matched against title and culprit. */
  readonly text: readonly string[];
}

/** `key:`, or `tags[key]:` (Sentry's explicit spelling of a tag, the same as `key:`). */
const KEY = /^!?[A-Za-z][A-Za-z0-9_.-]*(?:\[[^\]\s:]+\])?:/;

interface Reader {
  readonly text: string;
  at: number;
}

/**
 * The longest query read. Node's HTTP server refuses request heads over 16 KiB, so no longer query reaches a route; the
 * bound keeps a direct caller's parse short. A Discover-style `id:[...]` of 100 event ids is about 3,300 characters.
 */
const MAX_QUERY_CHARS = 16_384;

export function parseIssueSearch(query: string): IssueSearch {
  const filters: SearchFilter[] = [];
  const text: string[] = [];
  const reader: Reader = { text: query.slice(0, MAX_QUERY_CHARS), at: 0 };
  for (skipSpaces(reader); reader.at < reader.text.length; skipSpaces(reader)) {
    const key = KEY.exec(reader.text.slice(reader.at));
    if (key) {
      reader.at += key[0].length;
      const negated = key[0].startsWith('!');
      const spelled = key[0].slice(negated ? 1 : 0, -1);
      const name = /^tags\[(.+)\]$/.exec(spelled)?.[1] ?? spelled;
      filters.push({ key: name, values: readValues(reader, name), negated });
    } else {
      text.push(peek(reader) === '"' ? readQuoted(reader) : readBare(reader));
    }
  }
  return { filters, text };
}

function invalid(message: string): never {
  throw new IssueSearchError(detail(400, `Error parsing search query: ${message}`));
}

function peek(reader: Reader): string {
  return reader.text.charAt(reader.at);
}

function skipSpaces(reader: Reader): void {
  while (/\s/.test(peek(reader)) && reader.at < reader.text.length) reader.at += 1;
}

function readValues(reader: Reader, key: string): string[] {
  if (peek(reader) === '[') return readList(reader, key);
  const value = peek(reader) === '"' ? readQuoted(reader) : readBare(reader);
  if (value === '') invalid(`"${key}:" has no value`);
  return [value];
}

function readQuoted(reader: Reader): string {
  reader.at += 1;
  let value = '';
  while (reader.at < reader.text.length && peek(reader) !== '"') {
    if (peek(reader) === '\\' && reader.at + 1 < reader.text.length) reader.at += 1;
    value += peek(reader);
    reader.at += 1;
  }
  if (peek(reader) !== '"') invalid('unterminated quote');
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
    if (reader.at >= reader.text.length) invalid(`"${key}:[" is not closed`);
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
    if (separator !== ',') invalid(`expected "," or "]" in "${key}:[...]"`);
  }
  if (values.some((value) => value === '')) invalid(`empty value in "${key}:[...]"`);
  return values;
}
