// Size and count limits of the local ingest, in the spirit of Sentry Relay's defaults, scaled for one developer's runs.

export interface IngestLimits {
  /** Request body as sent (compressed or not). Relay: 100 MiB envelopes; locally 20 MiB is plenty. */
  readonly maxBodyBytes: number;
  /** Body after decompression: stops zip bombs before they fill memory. */
  readonly maxDecompressedBytes: number;
  /** One event (or transaction) item, as Relay's `max_event_size` (1 MiB). */
  readonly maxEventBytes: number;
  /** Any other item (attachments, replays…), which is counted and dropped. */
  readonly maxItemBytes: number;
  /** Items in one envelope. */
  readonly maxItems: number;
}

const MiB = 1024 * 1024;

export const defaultIngestLimits: IngestLimits = {
  maxBodyBytes: 20 * MiB,
  maxDecompressedBytes: 20 * MiB,
  maxEventBytes: 1 * MiB,
  maxItemBytes: 20 * MiB,
  maxItems: 1000,
};
