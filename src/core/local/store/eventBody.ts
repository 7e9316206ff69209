// An event's Web API body is kept as the JSON text it was serialized to once, at ingest: the store holds and writes
// that text and parses it only when an event itself is asked for (rare next to ingest), so memory holds about the
// body's JSON size instead of objects several times it.

/** The body's fields. The text was checked to be a JSON object when it was stored or read back from the log. */
export function bodyFields(bodyJson: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(bodyJson);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error('local store: an event body is not a JSON object');
  return parsed as Record<string, unknown>;
}
