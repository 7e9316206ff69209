// Reading a field of parsed JSON by hand, where a lenient zod schema costs too much on a hot path (frames): a value of
// another type reads as undefined, as `lenient(...)` drops it.

export type JsonFields = Record<string, unknown>;

/** An object, not an array and not null: what zod's object schemas accept. */
export function isJsonObject(value: unknown): value is JsonFields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function textOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A number zod's `z.number()` accepts: finite. */
export function finiteOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function booleanOf(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}
