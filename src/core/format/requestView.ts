// The HTTP request of an event for the panel. Credentials (cookies, authorization, tokens) are never shown; client IP
// headers and the body are personal data, shown only when the user data setting is on.
import { z } from 'zod';
import type { IssueEvent } from '../api/eventSchema';
import type { KeyValue, RequestView } from './issueViewModel';
import { optionalPageText, pageText } from './pageText';
import { isSensitiveKey } from './sensitiveData';
import { hiddenValue } from './userDataView';

const clientAddressName =
  /^(x-forwarded-for|x-real-ip|forwarded|cf-connecting-ip|true-client-ip|x-client-ip|x-cluster-client-ip)$/i;
const maxPairs = 100;

/** Headers, query and cookies come as `[[key, value], ...]` from the Web API and as objects from the ingest format. */
const pairsSchema = z
  .union([
    z.array(z.array(z.unknown())).transform((rows) => rows.map(([key, value]) => [pageText(key, 200), value] as const)),
    z
      .record(z.string(), z.unknown())
      .transform((record) => Object.entries(record).map(([key, value]) => [pageText(key, 200), value] as const)),
  ])
  .nullish()
  .catch(undefined)
  .transform((pairs) => pairs ?? []);

const requestSchema = z.looseObject({
  method: z.string().nullish().catch(undefined),
  url: z.string().nullish().catch(undefined),
  query: z.union([z.string(), pairsSchema]).nullish().catch(undefined),
  headers: pairsSchema,
  cookies: z.union([z.string(), pairsSchema]).nullish().catch(undefined),
  data: z.unknown().optional(),
});

function shownValue(key: string, value: unknown, showUserData: boolean): string {
  if (isSensitiveKey(key)) return hiddenValue;
  if (clientAddressName.test(key) && !showUserData) return hiddenValue;
  return pageText(value, 2000);
}

function pairs(rows: ReadonlyArray<readonly [string, unknown]>, showUserData: boolean): KeyValue[] {
  return rows.slice(0, maxPairs).map(([key, value]) => ({ key, value: shownValue(key, value, showUserData) }));
}

function queryPairs(
  query: string | ReadonlyArray<readonly [string, unknown]> | null | undefined,
): Array<readonly [string, unknown]> {
  if (typeof query !== 'string') return [...(query ?? [])];
  return [...new URLSearchParams(query)].map(([key, value]) => [pageText(key, 200), value] as const);
}

function cookieSentence(
  cookies: string | ReadonlyArray<readonly [string, unknown]> | null | undefined,
): string | undefined {
  const count =
    typeof cookies === 'string' ? cookies.split(';').filter((part) => part.trim()).length : (cookies ?? []).length;
  if (count === 0) return undefined;
  return `${count} ${count === 1 ? 'cookie' : 'cookies'} (values not shown)`;
}

function bodyOf(data: unknown, showUserData: boolean): string | undefined {
  if (data === null || data === undefined || data === '') return undefined;
  return showUserData ? pageText(data, 4000) : hiddenValue;
}

export function requestView(event: IssueEvent, showUserData: boolean): RequestView | undefined {
  const entry = event.entries.find((candidate) => candidate.type === 'request');
  const parsed = requestSchema.safeParse(entry?.data);
  if (!parsed.success) return undefined;
  const request = parsed.data;
  return {
    method: optionalPageText(request.method, 20),
    url: optionalPageText(request.url, 4000),
    query: pairs(queryPairs(request.query), showUserData),
    headers: pairs(request.headers, showUserData),
    cookies: cookieSentence(request.cookies),
    body: bodyOf(request.data, showUserData),
  };
}
