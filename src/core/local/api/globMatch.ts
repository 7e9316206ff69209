// Sentry search's `*` wildcard: a value matches a pattern when the pattern's `*`s can stand for any text (newlines too).
// Matched in linear time, part by part: a regular expression with a `.*` per `*` backtracks so much on a long value
// that a search of a few wildcards (anyone on this machine may send one, an agent among them) stalls the server.

export function globMatches(pattern: string, value: string): boolean {
  if (!pattern.includes('*')) return pattern === value;
  const parts = pattern.split('*');
  const first = parts[0] ?? '';
  const last = parts[parts.length - 1] ?? '';
  const end = value.length - last.length;
  if (end < first.length || !value.startsWith(first) || !value.endsWith(last)) return false;
  // Each middle part at its first place after the one before: any later place would leave no more room to the rest.
  let at = first.length;
  for (const part of parts.slice(1, -1)) {
    const found = value.indexOf(part, at);
    if (found < 0 || found + part.length > end) return false;
    at = found + part.length;
  }
  return true;
}
