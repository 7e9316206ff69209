// `GET /api/0/organizations/{org}/events/validate/`: whether an events query would run, item by item, in the shape
// Sentry's OrganizationEventsValidateEndpoint answers (`valid`, and per dataset, field, query and orderby a `valid` flag
// with the error). Sentry's MCP server asks it before search_events and shows the errors to its user.
import { AnswerNow } from './apiAnswer';
import { ERROR_DATASETS, MAX_FIELDS } from './discoverAnswer';
import { fieldTypeOf, type FieldType } from './discoverColumns';
import { discoverFilter } from './discoverSearch';

interface Check {
  readonly valid: boolean;
  readonly error: string | null;
}

type AttributeType = 'string' | 'number' | 'boolean';

interface AttributeCheck extends Check {
  readonly name: string;
  readonly attrType: AttributeType | null;
}

const attributeTypes: Record<FieldType, AttributeType> = {
  string: 'string',
  date: 'string',
  array: 'string',
  integer: 'number',
  boolean: 'boolean',
};

/** What `run` decides, with the 400's text as the error when it refuses. */
function checked<T>(run: () => T): { valid: true; value: T } | { valid: false; error: string } {
  try {
    return { valid: true, value: run() };
  } catch (error) {
    if (error instanceof AnswerNow) return { valid: false, error: error.message };
    throw error;
  }
}

function fieldCheck(field: string, index: number, tagKeys: ReadonlySet<string>): AttributeCheck {
  if (index >= MAX_FIELDS)
    return { name: field, valid: false, error: `You can view up to ${MAX_FIELDS} fields at a time.`, attrType: null };
  const type = checked(() => fieldTypeOf(field, tagKeys));
  return type.valid
    ? { name: field, valid: true, error: null, attrType: attributeTypes[type.value] }
    : { name: field, valid: false, error: type.error, attrType: null };
}

export function discoverValidation(query: URLSearchParams, tagKeys: ReadonlySet<string>): Record<string, unknown> {
  const dataset = query.get('dataset') ?? 'discover';
  const knownDataset = ERROR_DATASETS.includes(dataset);
  const datasetCheck = {
    name: dataset,
    valid: knownDataset,
    error: knownDataset ? null : `This server keeps error events only: ${ERROR_DATASETS.join(', ')}`,
  };
  const fields = query.getAll('field').filter((field) => field !== '');
  const fieldChecks = fields.map((field, index) => fieldCheck(field, index, tagKeys));
  const parsed = checked(() => discoverFilter(query.get('query') ?? '', tagKeys));
  const queryCheck = { valid: parsed.valid, error: parsed.valid ? null : parsed.error, fields: [] };
  const orderby = query.getAll('orderby').map((sort): AttributeCheck => {
    const selected = fieldChecks.find((check) => check.name === sort.replace(/^-/, ''));
    return selected === undefined
      ? { name: sort, valid: false, error: 'Cannot sort by a field that is not selected.', attrType: null }
      : { ...selected, name: sort };
  });
  const checks = [datasetCheck, ...fieldChecks, queryCheck, ...orderby];
  return {
    valid: fields.length > 0 && checks.every((check) => check.valid),
    projects: [],
    dataset: [datasetCheck],
    environment: [],
    field: fieldChecks,
    query: queryCheck,
    orderby,
  };
}
