// Counts round trips as a server saw them: the longest chain of requests, each begun after the one before it was
// answered, among those answered by a given moment (say the moment the active file's marks were painted). Requests that
// overlap count once however many there are; a request that had to wait for another's answer adds one.

/** One request's time on the server, in milliseconds of one clock shared by server and client (see `sharedNow`). */
export interface RequestSpan {
  readonly startedAt: number;
  readonly endedAt: number;
  /** What the request was, for reading a chain: method, path and query. */
  readonly label: string;
}

export interface RoundTrips {
  /** Round trips one after another before `until`. */
  readonly depth: number;
  /** One longest chain, first request first. */
  readonly chain: readonly RequestSpan[];
}

/** Milliseconds since the epoch with sub-millisecond precision, comparable across the processes of one machine. */
export function sharedNow(): number {
  return performance.timeOrigin + performance.now();
}

/** The longest chain of requests answered by `until`, each starting after the previous one ended. */
export function roundTripsUntil(spans: readonly RequestSpan[], until: number): RoundTrips {
  const answered = spans.filter((span) => span.endedAt <= until).sort((a, b) => a.endedAt - b.endedAt);
  // Longest chain ending with each request; its predecessors all ended before it started, so they come earlier.
  const depth: number[] = [];
  const before: (number | undefined)[] = [];
  for (let index = 0; index < answered.length; index++) {
    const span = answered[index] as RequestSpan;
    let best = 0;
    let from: number | undefined;
    for (let earlier = 0; earlier < index; earlier++) {
      const candidate = answered[earlier] as RequestSpan;
      if (candidate.endedAt <= span.startedAt && (depth[earlier] ?? 0) > best) {
        best = depth[earlier] ?? 0;
        from = earlier;
      }
    }
    depth.push(best + 1);
    before.push(from);
  }
  let last: number | undefined;
  for (let index = 0; index < answered.length; index++)
    if (last === undefined || (depth[index] ?? 0) > (depth[last] ?? 0)) last = index;
  const chain: RequestSpan[] = [];
  for (let at = last; at !== undefined; at = before[at]) chain.unshift(answered[at] as RequestSpan);
  return { depth: chain.length, chain };
}
