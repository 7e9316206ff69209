// The local server's change signal for other processes: an opaque version that differs after every stored change
// (an event, a triage), read once (`/sentry-insight/changes`) or followed as a server-sent event stream that names the
// issues each change touched, so a window using another window's server updates just those issues.
import { z } from 'zod';

/** Outside `/api/0/`: this is ours, not part of Sentry's API. */
export const localChangesPath = '/sentry-insight/changes';
/** The same signal as a `text/event-stream`: a `version` event first, then a `change` event per stored change. */
export const localChangeStreamPath = '/sentry-insight/changes/stream';

export const changeVersionSchema = z.object({ version: z.string().max(200) });
export type ChangeVersion = z.infer<typeof changeVersionSchema>;

/** One stored change as the stream tells it; at most `maxNamedIssues` issue ids, else `issueIds` is absent (anything). */
export const changeMessageSchema = changeVersionSchema.extend({
  issueIds: z.array(z.string().max(40)).max(1000).optional(),
  releasesChanged: z.boolean().optional(),
});
export type ChangeMessage = z.infer<typeof changeMessageSchema>;

/** The server instance keeps a restarted server's versions apart from its predecessor's, whose counts started at 0 too. */
export function changeVersion(instance: string, revision: number): ChangeVersion {
  return { version: `${instance}:${revision}` };
}
