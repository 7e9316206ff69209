// Cleans one value read from a configuration file: surrounding quotes that people add by habit are not part of the value.

/** Strips one pair of matching surrounding quotes and the whitespace around and inside them. */
export function unquote(value: string): string {
  const trimmed = value.trim();
  const first = trimmed[0];
  if (trimmed.length >= 2 && (first === '"' || first === "'") && trimmed.endsWith(first)) {
    return trimmed.slice(1, -1).trim();
  }
  return trimmed;
}
