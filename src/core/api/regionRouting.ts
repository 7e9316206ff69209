// Which host serves an organization's requests. On sentry.io each organization lives in a region (us.sentry.io,
// de.sentry.io) named by the organization's `links.regionUrl`; sentry.io itself proxies organization-scoped requests
// to the region, so nothing waits for the lookup: requests go to sentry.io until the region is known, then to the
// region, and the region is remembered for the next start.
import type { ServerFacts } from './serverFacts';
import { mayCarryToken } from './trustedHosts';

export type RegionLookup = (org: string) => Promise<string | undefined>;

export class RegionRouting {
  /** Organizations whose lookup was answered: the region, or undefined for the configured server. */
  private readonly known = new Map<string, string | undefined>();
  private readonly asked = new Set<string>();

  constructor(
    private readonly baseUrl: string,
    private readonly lookup: RegionLookup,
    private readonly facts?: ServerFacts,
  ) {}

  /** The server for the organization's requests now; undefined for the configured one. Never waits. */
  serverFor(org: string): string | undefined {
    if (!hasRegions(this.baseUrl)) return undefined;
    if (this.known.has(org)) return this.known.get(org);
    const remembered = this.facts?.regionOf(this.baseUrl, org);
    if (remembered && this.mayUse(remembered)) {
      this.known.set(org, remembered);
      return remembered;
    }
    this.ask(org);
    return undefined;
  }

  private ask(org: string): void {
    if (this.asked.has(org)) return;
    this.asked.add(org);
    void this.lookup(org).then(
      (url) => {
        // A region the token may not travel to is ignored: the configured server keeps serving (it proxies).
        const region = url && this.mayUse(url) ? url : undefined;
        this.known.set(org, region);
        if (region) this.facts?.rememberRegion(this.baseUrl, org, region);
      },
      () => this.known.set(org, undefined),
    );
  }

  private mayUse(url: string): boolean {
    return mayCarryToken(this.baseUrl, url);
  }
}

/** Only sentry.io splits organizations over regions; self-hosted Sentry and GlitchTip serve everything themselves. */
function hasRegions(baseUrl: string): boolean {
  try {
    return new URL(baseUrl).hostname === 'sentry.io';
  } catch {
    return false;
  }
}
