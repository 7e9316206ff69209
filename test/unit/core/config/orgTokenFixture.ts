// Builds organization auth tokens shaped like Sentry's (`sntrys_<base64 JSON>_<base64 of 32 bytes>`) for the config tests.

export function makeOrgToken(payload: unknown): string {
  const encoded = Buffer.from(JSON.stringify(payload)).toString('base64');
  return `sntrys_${encoded}_${Buffer.alloc(32, 7).toString('base64').replace(/=+$/, '')}`;
}
