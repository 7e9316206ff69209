// Reads the trailing comments of a compiled script that point at its source map: sourceMappingURL and debugId.

/** The last `//# sourceMappingURL=` (or legacy `//@`) value of the script, as written. */
export function sourceMappingUrlOf(script: string): string | undefined {
  return lastCommentValue(script, 'sourceMappingURL');
}

/** The `//# debugId=` value that Sentry's tooling appends to a script, normalised for comparison. */
export function debugIdOf(script: string): string | undefined {
  const value = lastCommentValue(script, 'debugId');
  return value === undefined ? undefined : normalizeDebugId(value);
}

/**
 * Searches from the end: the comment is the script's last line, and an inline map after it can be megabytes long, so
 * a regular expression over the whole text would be slow. An earlier match inside a string literal is ignored.
 */
function lastCommentValue(script: string, key: string): string | undefined {
  let end = script.length;
  while (end > 0) {
    const at = script.lastIndexOf(`${key}=`, end - 1);
    if (at < 0) return undefined;
    if (/(?:\/\/|\/\*)[#@][ \t]+$/.test(script.slice(Math.max(0, at - 8), at))) {
      const value = /^[^\s'"*]+/.exec(script.slice(at + key.length + 1));
      if (value) return value[0];
    }
    end = at;
  }
  return undefined;
}

/** Debug IDs compare case-insensitively and with or without dashes (`ABCD-...` and `abcd...`). */
export function normalizeDebugId(id: string): string {
  return id.trim().toLowerCase().replace(/-/g, '');
}

/** The JSON text of a `data:application/json[;charset=...][;base64],...` URL, or undefined for any other URL. */
export function inlineSourceMapText(url: string): string | undefined {
  const match = /^data:application\/json((?:;[^,;]*)*),(.*)$/s.exec(url.trim());
  if (!match) return undefined;
  const parameters = (match[1] ?? '').split(';');
  const payload = match[2] ?? '';
  if (parameters.includes('base64')) return Buffer.from(payload, 'base64').toString('utf8');
  try {
    return decodeURIComponent(payload);
  } catch {
    return undefined;
  }
}
