// What alerts remember between refreshes and reloads: when each issue last alerted, for which reason, and which
// issues are muted. Persisted as plain JSON and validated when read back: corrupt or foreign state means a fresh start.
import { z } from 'zod';

export const alertReasons = ['regressed', 'eventsPerHour', 'newInRelease'] as const;
export type AlertReason = (typeof alertReasons)[number];

export interface AlertMemory {
  /** Issue key (server, organization and id: qualifyingIssues' alertKey) -> reason -> ISO time of its last alert. */
  readonly alerted: Readonly<Record<string, Readonly<Partial<Record<AlertReason, string>>>>>;
  /** Keys of issues that never alert, oldest mute first. */
  readonly muted: readonly string[];
}

export const emptyAlertMemory: AlertMemory = { alerted: {}, muted: [] };

/** Entries older than this are forgotten, so the memory of a long-lived workspace stays small. */
const forgetAfterMs = 30 * 24 * 3_600_000;
const maxRemembered = 1000;

const memorySchema = z.object({
  alerted: z.record(z.string(), z.partialRecord(z.enum(alertReasons), z.iso.datetime())),
  muted: z.array(z.string()),
});

export function parseAlertMemory(value: unknown): AlertMemory {
  const parsed = memorySchema.safeParse(value);
  return parsed.success ? parsed.data : emptyAlertMemory;
}

export function withMuted(memory: AlertMemory, keys: readonly string[]): AlertMemory {
  const muted = [...memory.muted.filter((key) => !keys.includes(key)), ...keys];
  return { ...memory, muted: muted.slice(-maxRemembered) };
}

export function withoutMutes(memory: AlertMemory): AlertMemory {
  return { ...memory, muted: [] };
}

export function withAlerted(
  memory: AlertMemory,
  alerts: ReadonlyArray<{ key: string; reasons: readonly AlertReason[] }>,
  now: Date,
): AlertMemory {
  const alerted: Record<string, Partial<Record<AlertReason, string>>> = { ...memory.alerted };
  for (const { key, reasons } of alerts) {
    const entry = { ...alerted[key] };
    for (const reason of reasons) entry[reason] = now.toISOString();
    alerted[key] = entry;
  }
  return { ...memory, alerted };
}

/** Drops alert times older than 30 days, and the oldest issues beyond a thousand. */
export function pruned(memory: AlertMemory, now: Date): AlertMemory {
  const oldest = now.getTime() - forgetAfterMs;
  const entries = Object.entries(memory.alerted)
    .map(
      ([key, reasons]) =>
        [key, Object.fromEntries(Object.entries(reasons).filter(([, at]) => Date.parse(at) >= oldest))] as const,
    )
    .filter(([, reasons]) => Object.keys(reasons).length > 0)
    .sort(([, a], [, b]) => newestTime(b) - newestTime(a))
    .slice(0, maxRemembered);
  return { ...memory, alerted: Object.fromEntries(entries) };
}

function newestTime(reasons: Partial<Record<AlertReason, string>>): number {
  return Math.max(...Object.values(reasons).map((at) => Date.parse(at)));
}
