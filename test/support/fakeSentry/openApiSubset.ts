// Looks up response schemas in the copied openapi-subset.json, for conformance checks of the fake's answers.
import { loadExample } from './examples';
import { asObject, JsonObject, JsonValue } from './json';

let subset: JsonObject | undefined;

/** The JSON schema of the 200 (or given status) `application/json` answer of `method path` (a templated spec path). */
export function responseSchema(method: 'get' | 'put', specPath: string, status = '200'): JsonValue {
  subset ??= asObject(loadExample('openapi-subset.json'), 'openapi-subset.json');
  const item = asObject(asObject(subset['paths'], 'paths')[specPath], `path ${specPath}`);
  const operation = asObject(item[method], `${method} ${specPath}`);
  const answer = asObject(asObject(operation['responses'], 'responses')[status], `${status} of ${specPath}`);
  return asObject(asObject(answer['content'], 'content')['application/json'], 'application/json')['schema'] ?? {};
}
