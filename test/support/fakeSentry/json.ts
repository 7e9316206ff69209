// JSON value types and the few operations the fake needs on them (narrowing, deep copy, key order kept).

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A deep copy, so a template taken from a fixture can be changed without touching the cached original. */
export function cloneJson<T extends JsonValue>(value: T): T {
  return structuredClone(value);
}

export function asObject(value: JsonValue | undefined, what: string): JsonObject {
  if (!isJsonObject(value)) throw new Error(`fake Sentry: expected an object for ${what}`);
  return value;
}

export function asArray(value: JsonValue | undefined, what: string): JsonValue[] {
  if (!Array.isArray(value)) throw new Error(`fake Sentry: expected an array for ${what}`);
  return value;
}
