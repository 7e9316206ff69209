// Event text made fit for the issue panel: any JSON value becomes a bounded string, and invisible control characters
// (including the bidi overrides of "Trojan Source") become a visible placeholder. Newlines and tabs stay.

// C0 controls except tab and newline, DEL, C1 controls, and the bidi marks, embeddings, overrides and isolates.
const invisibleControls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Longest string kept for one value; Sentry itself trims most event fields well below this. */
export const defaultTextLimit = 2000;

function asString(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return ''; // a cycle cannot come from JSON, but stay total
  }
}

export function pageText(value: unknown, maxLength = defaultTextLimit): string {
  const visible = asString(value).replace(/\r\n?/g, '\n').replace(invisibleControls, '\ufffd');
  return visible.length > maxLength ? `${visible.slice(0, maxLength - 1)}…` : visible;
}

/** Text, or undefined when there is none: for optional fields of the view model. */
export function optionalPageText(value: unknown, maxLength = defaultTextLimit): string | undefined {
  const result = pageText(value, maxLength);
  return result.trim() === '' ? undefined : result;
}
