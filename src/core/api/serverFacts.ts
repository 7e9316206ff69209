// What the client learned about a server that is worth keeping across restarts: whether it is Sentry or GlitchTip,
// and on sentry.io the region each organization lives in. Each is a round trip that a later cold start need not wait for.
import { z } from 'zod';
import type { BackendKind } from './backend';

export interface ServerFacts {
  backendOf(baseUrl: string): BackendKind | undefined;
  rememberBackend(baseUrl: string, kind: BackendKind): void;
  regionOf(baseUrl: string, org: string): string | undefined;
  rememberRegion(baseUrl: string, org: string, regionUrl: string): void;
}

/** Where the facts are kept between sessions (the editor's global state); what it holds is checked on every read. */
export interface FactStorage {
  read(): unknown;
  write(value: StoredFacts): void;
}

const storedFactsSchema = z.object({
  backends: z.record(z.string(), z.enum(['sentry', 'glitchtip'])).catch({}),
  regions: z.record(z.string(), z.string()).catch({}),
});

export type StoredFacts = z.infer<typeof storedFactsSchema>;

/** A server is told apart by its URL; a map this size holds far more servers and organizations than anyone uses. */
const maxEntries = 200;

export class RememberedServerFacts implements ServerFacts {
  private facts: StoredFacts;

  constructor(private readonly storage?: FactStorage) {
    const parsed = storedFactsSchema.safeParse(storage?.read() ?? {});
    this.facts = parsed.success ? parsed.data : { backends: {}, regions: {} };
  }

  backendOf(baseUrl: string): BackendKind | undefined {
    return own(this.facts.backends, baseUrl);
  }

  rememberBackend(baseUrl: string, kind: BackendKind): void {
    if (this.backendOf(baseUrl) === kind) return;
    this.facts = { ...this.facts, backends: withEntry(this.facts.backends, baseUrl, kind) };
    this.storage?.write(this.facts);
  }

  regionOf(baseUrl: string, org: string): string | undefined {
    return own(this.facts.regions, regionKey(baseUrl, org));
  }

  rememberRegion(baseUrl: string, org: string, regionUrl: string): void {
    if (this.regionOf(baseUrl, org) === regionUrl) return;
    this.facts = { ...this.facts, regions: withEntry(this.facts.regions, regionKey(baseUrl, org), regionUrl) };
    this.storage?.write(this.facts);
  }
}

function regionKey(baseUrl: string, org: string): string {
  return `${baseUrl}\u0000${org}`;
}

function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** The record with `key` set, as its newest entry; past the bound, the oldest entries go. */
function withEntry<T>(record: Record<string, T>, key: string, value: T): Record<string, T> {
  const entries = Object.entries(record).filter(([other]) => other !== key);
  entries.push([key, value]);
  return Object.fromEntries(entries.slice(-maxEntries));
}
