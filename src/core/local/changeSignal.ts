// The local server's change signal for other processes: an opaque version that differs after every stored change
// (an event, a triage), so a window using another window's server learns of new data with one small request.
import { z } from 'zod';

/** Outside `/api/0/`: this is ours, not part of Sentry's API. */
export const localChangesPath = '/sentry-insight/changes';

export const changeVersionSchema = z.object({ version: z.string().max(200) });
export type ChangeVersion = z.infer<typeof changeVersionSchema>;

/** The server instance keeps a restarted server's versions apart from its predecessor's, whose counts started at 0 too. */
export function changeVersion(instance: string, revision: number): ChangeVersion {
  return { version: `${instance}:${revision}` };
}
