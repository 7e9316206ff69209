// The affected user of an event, and the other places personal data hides (the `user` tags, client IP headers),
// redacted here on the host unless the user data setting is on, so that hidden values never reach the page.
import { z } from 'zod';
import type { IssueEvent } from '../api/eventSchema';
import type { KeyValue, UserView } from './issueViewModel';
import { pageText } from './pageText';

export const hiddenValue = '[hidden]';

const fieldSchema = z.union([z.string(), z.number()]).nullish().catch(undefined);
const userSchema = z.looseObject({
  id: fieldSchema,
  username: fieldSchema,
  email: fieldSchema,
  ip_address: fieldSchema,
  name: fieldSchema,
  geo: z.looseObject({ city: fieldSchema, region: fieldSchema, country_code: fieldSchema }).nullish().catch(undefined),
});

/** Tags whose values identify a person: `user` (`id:1`, `email:a@b`, `ip:…`) and `user.*`. */
export function isUserDataTag(key: string): boolean {
  return key === 'user' || key.startsWith('user.');
}

function locationOf(geo: z.infer<typeof userSchema>['geo']): string | undefined {
  const parts = [geo?.city, geo?.region, geo?.country_code].filter(
    (part) => part !== undefined && part !== null && part !== '',
  );
  return parts.length > 0 ? parts.join(', ') : undefined;
}

export function userView(event: IssueEvent, showUserData: boolean): UserView | undefined {
  const parsed = userSchema.safeParse((event as Record<string, unknown>).user);
  if (!parsed.success) return undefined;
  const user = parsed.data;
  const candidates: Array<readonly [string, string | number | null | undefined]> = [
    ['ID', user.id],
    ['Username', user.username],
    ['E-mail', user.email],
    ['IP address', user.ip_address],
    ['Name', user.name],
    ['Location', locationOf(user.geo)],
  ];
  const fields: KeyValue[] = candidates
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => ({ key, value: showUserData ? pageText(value, 500) : hiddenValue }));
  return fields.length > 0 ? { redacted: !showUserData, fields } : undefined;
}
