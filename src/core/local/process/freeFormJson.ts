// Bounds free-form JSON from events (contexts, extra, vars, breadcrumb data) in depth, breadth and string length,
// as Relay trims them, so that nothing downstream has to walk unbounded structures.

export interface JsonBounds {
  readonly maxDepth: number;
  readonly maxItems: number;
  readonly maxStringLength: number;
}

export const defaultJsonBounds: JsonBounds = { maxDepth: 8, maxItems: 200, maxStringLength: 8192 };

/** A copy of the value within the bounds; deeper levels become the string "[Filtered: too deep]". */
export function boundedJson(value: unknown, bounds: JsonBounds = defaultJsonBounds, depth = 0): unknown {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string')
    return value.length > bounds.maxStringLength ? `${value.slice(0, bounds.maxStringLength - 1)}…` : value;
  if (typeof value !== 'object') return null;
  if (depth >= bounds.maxDepth) return '[Filtered: too deep]';
  if (Array.isArray(value)) return value.slice(0, bounds.maxItems).map((item) => boundedJson(item, bounds, depth + 1));
  const copy: Record<string, unknown> = {};
  let kept = 0;
  for (const [key, item] of Object.entries(value)) {
    if (kept++ >= bounds.maxItems) break;
    copy[key] = boundedJson(item, bounds, depth + 1);
  }
  return copy;
}

/** A bounded plain object, or null for anything that is not one. */
export function boundedObject(value: unknown, bounds: JsonBounds = defaultJsonBounds): Record<string, unknown> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  return boundedJson(value, bounds) as Record<string, unknown>;
}
