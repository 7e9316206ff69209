// Values in Sentry's issue search: `release:"a b"`, with inner quotes and backslashes escaped.

export function quoteSearchValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
