// Recognizes Sentry organization auth tokens (`sntrys_<base64 JSON>_<secret>`), which cannot read issues, and reads the organization they name.
import { z } from 'zod';

export const orgAuthTokenPrefix = 'sntrys_';

/** The payload Sentry embeds (src/sentry/utils/security/orgauthtoken_token.py); `url` is missing or null in some old tokens. */
const orgTokenPayload = z.object({
  org: z.string().optional(),
  url: z.string().nullish(),
  region_url: z.string().nullish(),
});

export interface OrgAuthTokenInfo {
  /** The organization slug from the payload, when it could be read. */
  readonly org?: string;
}

/** Undefined when the token is not an organization auth token. */
export function readOrgAuthToken(token: string): OrgAuthTokenInfo | undefined {
  if (!token.startsWith(orgAuthTokenPrefix)) return undefined;
  const body = token.slice(orgAuthTokenPrefix.length);
  const lastUnderscore = body.lastIndexOf('_');
  const encoded = lastUnderscore >= 0 ? body.slice(0, lastUnderscore) : body;
  const org = decodePayload(encoded)?.org?.trim();
  return org ? { org } : {};
}

function decodePayload(encoded: string): z.infer<typeof orgTokenPayload> | undefined {
  try {
    const parsed = orgTokenPayload.safeParse(JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
