// A small JSON Schema checker for the keywords Sentry's OpenAPI response schemas use; extra properties are allowed.
import { isJsonObject, JsonObject, JsonValue } from './json';

export interface SchemaViolation {
  /** Where in the value, e.g. `$[0].project.slug`. */
  path: string;
  message: string;
}

const annotations = new Set([
  'format',
  'description',
  'example',
  'examples',
  'title',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
]);
const handled = new Set([
  'type',
  'nullable',
  'enum',
  'required',
  'properties',
  'items',
  'additionalProperties',
  'oneOf',
  'anyOf',
  'allOf',
]);

/**
 * Checks `value` against `schema`: `type` (one or a list), `nullable`, `enum`, `required`, `properties`, `items`,
 * `additionalProperties` (when a schema), `oneOf`/`anyOf` (some branch must fit), `allOf`. An unknown keyword is
 * reported rather than ignored, so a schema this checker cannot judge never passes silently.
 */
export function checkSchema(schema: JsonValue, value: JsonValue, path = '$'): SchemaViolation[] {
  if (!isJsonObject(schema)) return [{ path, message: 'schema is not an object' }];
  const unknown = Object.keys(schema).filter((key) => !annotations.has(key) && !handled.has(key));
  if (unknown.length > 0) return [{ path, message: `unsupported schema keywords: ${unknown.join(', ')}` }];
  if (value === null) return allowsNull(schema) ? [] : [{ path, message: 'null is not allowed' }];
  const violations: SchemaViolation[] = [
    ...checkType(schema, value, path),
    ...checkEnum(schema, value, path),
    ...checkBranches(schema, value, path),
  ];
  if (violations.length > 0) return violations;
  if (Array.isArray(value))
    return schema['items'] === undefined
      ? []
      : value.flatMap((item, index) => checkSchema(schema['items'] ?? {}, item, `${path}[${index}]`));
  if (isJsonObject(value)) return checkObject(schema, value, path);
  return [];
}

function allowsNull(schema: JsonObject): boolean {
  if (schema['nullable'] === true) return true;
  const type = schema['type'];
  if (type === 'null' || (Array.isArray(type) && type.includes('null'))) return true;
  if (Array.isArray(schema['enum'])) return schema['enum'].includes(null);
  for (const key of ['oneOf', 'anyOf'] as const) {
    const branches = schema[key];
    if (Array.isArray(branches)) return branches.some((branch) => isJsonObject(branch) && allowsNull(branch));
  }
  // No type, enum or branches: the schema says nothing about the value, so null is as good as anything.
  return type === undefined && schema['enum'] === undefined && schema['allOf'] === undefined;
}

function jsonType(value: JsonValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function checkType(schema: JsonObject, value: JsonValue, path: string): SchemaViolation[] {
  const type = schema['type'];
  if (type === undefined) return [];
  const allowed = (Array.isArray(type) ? type : [type]).filter((name): name is string => typeof name === 'string');
  const actual = jsonType(value);
  const fits = allowed.includes(actual) || (actual === 'integer' && allowed.includes('number'));
  return fits ? [] : [{ path, message: `expected ${allowed.join(' | ')}, got ${actual}` }];
}

function checkEnum(schema: JsonObject, value: JsonValue, path: string): SchemaViolation[] {
  const options = schema['enum'];
  if (!Array.isArray(options)) return [];
  return options.some((option) => option === value)
    ? []
    : [{ path, message: `${JSON.stringify(value)} is not one of ${JSON.stringify(options)}` }];
}

// oneOf is treated like anyOf: with extra properties allowed, several branches often fit the same value.
function checkBranches(schema: JsonObject, value: JsonValue, path: string): SchemaViolation[] {
  const violations: SchemaViolation[] = [];
  for (const key of ['oneOf', 'anyOf'] as const) {
    const branches = schema[key];
    if (!Array.isArray(branches)) continue;
    const results = branches.map((branch) => checkSchema(branch, value, path));
    if (!results.some((result) => result.length === 0)) {
      violations.push({
        path,
        message: `fits no ${key} branch (${results.map((result) => result[0]?.message ?? '').join('; ')})`,
      });
    }
  }
  const all = schema['allOf'];
  if (Array.isArray(all)) violations.push(...all.flatMap((branch) => checkSchema(branch, value, path)));
  return violations;
}

function checkObject(schema: JsonObject, value: JsonObject, path: string): SchemaViolation[] {
  const violations: SchemaViolation[] = [];
  const required = schema['required'];
  if (Array.isArray(required)) {
    for (const key of required)
      if (typeof key === 'string' && !(key in value))
        violations.push({ path, message: `missing required property "${key}"` });
  }
  const properties = isJsonObject(schema['properties']) ? schema['properties'] : {};
  const extra = schema['additionalProperties'];
  for (const [key, child] of Object.entries(value)) {
    const childSchema = properties[key] ?? (isJsonObject(extra) ? extra : undefined);
    if (childSchema !== undefined) violations.push(...checkSchema(childSchema, child, `${path}.${key}`));
  }
  return violations;
}
