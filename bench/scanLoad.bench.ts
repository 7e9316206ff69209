// Benchmark: a folder's cold load, its open file first, against a simulated sentry.io (fixed windows per endpoint:
// issue details 5/s, an issue's events 15/s, the organization events endpoint 30/s, lists 40/s; 429 as a bare string
// without Retry-After; concurrency limit 15; 50 ms per answer), for N = 100, 1,000 and 5,000 issues. The product runs
// twice: against a Sentry without the organization events endpoint (the per-issue path: one latest event per issue)
// and against one with it (Discover: two requests per hundred issues beyond the open file). Prints, measured in the
// same run: round trips to the active file's marks, time to the full index against its lower bound, the naive loader
// without rate limits (list, then one latest event at a time) against the product, the requests of a refresh with
// nothing changed, annotations lost, CPU per issue and peak memory. N = 5,000 runs with every window 10x wider (and
// its bound scaled alike) and times the naive loader on 500 of its issues, so the whole bench takes minutes on two
// cores. BENCH_N picks one N; BENCH_PATHS=discover skips the per-issue run (for profiling).
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SentryClient } from '../src/core/api/client';
import { silentLogger } from '../src/core/log';
import { hitsOfEvent } from '../src/core/scan/eventHits';
import { buildResolver } from '../src/core/scan/resolverSetup';
import { quoteSearchValue } from '../src/core/scan/searchQuoting';
import { FolderSession } from '../src/core/session/folderSession';
import type { WorkspaceIssues } from '../src/core/session/loadWorkspaceIssues';
import { DEFAULT_TOKEN } from '../test/support/fakeSentry';
import { roundTripsUntil, sharedNow, type RequestSpan } from '../test/support/roundTrips';
import { benchOrg, benchProject, benchRelease, loadScenario, type LoadScenario } from './loadScenario';
import type { ProxyCounts } from './rateWindows';
import type { SimulatedSentry } from './simulatedSentryProcess';

const latencyMs = 50;
const baseLimits: Record<string, number> = { details: 5, events: 15, discover: 30, lists: 40 };

interface Case {
  readonly issues: number;
  readonly scale: number;
  /** The naive loader runs on this many issues and its time is scaled to all of them. */
  readonly naiveSample?: number;
}

const cases: Case[] = [
  { issues: 100, scale: 1 },
  { issues: 1000, scale: 1 },
  { issues: 5000, scale: 10, naiveSample: 500 },
];

class Servers {
  private constructor(
    private readonly child: ChildProcess,
    readonly urls: SimulatedSentry,
  ) {}

  static async start(issues: number, scale: number): Promise<Servers> {
    const child = fork(join(__dirname, 'simulatedSentryProcess.js'), {
      stdio: 'inherit',
      env: {
        ...process.env,
        BENCH_ISSUES: String(issues),
        BENCH_SCALE: String(scale),
        BENCH_LATENCY_MS: String(latencyMs),
      },
    });
    const urls = await new Promise<SimulatedSentry>((resolve) =>
      child.once('message', (message) => resolve(message as SimulatedSentry)),
    );
    return new Servers(child, urls);
  }

  counts(which: 'counts' | 'perIssueCounts' = 'counts'): Promise<ProxyCounts> {
    return this.ask(which, (answer: { counts?: ProxyCounts }) => answer.counts);
  }

  /** When each request since the last call came to the windows and was answered. */
  spans(which: 'spans' | 'perIssueSpans'): Promise<RequestSpan[]> {
    return this.ask(which, (answer: { spans?: RequestSpan[] }) => answer.spans);
  }

  private ask<T, A>(question: string, pick: (answer: A) => T | undefined): Promise<T> {
    return new Promise((resolve) => {
      const listener = (message: unknown): void => {
        const picked = pick(message as A);
        if (picked === undefined) return;
        this.child.off('message', listener);
        resolve(picked);
      };
      this.child.on('message', listener);
      this.child.send(question);
    });
  }

  stop(): void {
    this.child.disconnect();
  }
}

function writeWorkspace(files: Readonly<Record<string, string>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sentry-insight-bench-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** The naive loader: the list, then one latest event at a time, without rate limits. */
async function naiveLoad(url: string, workspace: string, maxIssues: number): Promise<{ ms: number; marks: number }> {
  const client = SentryClient.create({ baseUrl: url, token: DEFAULT_TOKEN, log: silentLogger });
  const started = performance.now();
  try {
    const resolver = await buildResolver(client, {
      org: benchOrg,
      projectId: benchProject.id,
      folders: [{ name: 'ws', path: workspace }],
      pathMappings: [],
      log: silentLogger,
      warnings: [],
    });
    const query = `release:${quoteSearchValue(benchRelease)}`;
    const issues = await client.issues(benchOrg, {
      projectId: benchProject.id,
      query: `is:unresolved ${query}`,
      sort: 'freq',
      statsPeriod: '14d',
      maxIssues,
    });
    if (!issues.ok) throw new Error(issues.error.message);
    let marks = 0;
    for (const issue of issues.value) {
      const event = await client.latestEvent(benchOrg, issue.id, { query });
      if (event.ok) marks += (await hitsOfEvent(issue, event.value, resolver)).hits.length;
    }
    return { ms: performance.now() - started, marks };
  } finally {
    await client.close();
  }
}

interface ProductRun {
  readonly ms: number;
  readonly activeMs?: number;
  /** When the active file's marks were all there, on the clock the servers' spans use. */
  readonly activeAt?: number;
  readonly loaded: WorkspaceIssues;
  readonly cpuMs: number;
  readonly peakRssMb: number;
  readonly peakHeapMb: number;
  readonly session: FolderSession;
}

async function productLoad(client: SentryClient, workspace: string, scenario: LoadScenario): Promise<ProductRun> {
  const session = new FolderSession(client, {
    org: benchOrg,
    project: benchProject.slug,
    folder: { name: 'ws', path: workspace },
    release: benchRelease,
    env: {},
    log: silentLogger,
  });
  let peakRss = 0;
  let peakHeap = 0;
  const sample = (): void => {
    const memory = process.memoryUsage();
    peakRss = Math.max(peakRss, memory.rss);
    peakHeap = Math.max(peakHeap, memory.heapUsed);
  };
  // process.memoryUsage() costs most of a millisecond: sampled often, it would count in the CPU per issue.
  const sampler = setInterval(sample, 250);
  const cpu = process.cpuUsage();
  const started = performance.now();
  let activeMs: number | undefined;
  let activeAt: number | undefined;
  const activeDone = (loaded: WorkspaceIssues): void => {
    if (activeMs !== undefined) return;
    const shown = new Set(
      loaded.index
        .allHits()
        .filter((hit) => hit.file === scenario.activeFile)
        .map((hit) => hit.issueId),
    );
    if (![...scenario.activeIssueIds].every((id) => shown.has(id))) return;
    activeMs = performance.now() - started;
    activeAt = sharedNow();
  };
  try {
    const loaded = await session.load({ openFiles: [scenario.activeFile], onPartial: activeDone });
    if (!loaded.ok) throw new Error(loaded.error.message);
    const ms = performance.now() - started;
    activeDone(loaded.value);
    const used = process.cpuUsage(cpu);
    sample();
    return {
      ms,
      activeMs,
      activeAt,
      loaded: loaded.value,
      cpuMs: (used.user + used.system) / 1000,
      peakRssMb: peakRss / 2 ** 20,
      peakHeapMb: peakHeap / 2 ** 20,
      session,
    };
  } finally {
    clearInterval(sampler);
  }
}

/**
 * For each endpoint class, the requests the load needed over its limit (the per-issue path needs one latest event per
 * issue at least); and the issue list's pages, one round trip after another since each names the next.
 */
function lowerBoundMs(
  counts: ProxyCounts,
  scale: number,
  issues: number,
  perIssue: boolean,
  listPages: number,
): { ms: number; by: string } {
  let best = { ms: listPages * latencyMs, by: `${listPages} list pages one after another at ${latencyMs} ms` };
  const needed = perIssue
    ? { ...counts.served, events: Math.max(counts.served['events'] ?? 0, issues) }
    : counts.served;
  for (const [name, served] of Object.entries(needed)) {
    const ms = (served / ((baseLimits[name] ?? 40) * scale)) * 1000;
    if (ms > best.ms) best = { ms, by: `${served} ${name} requests at ${(baseLimits[name] ?? 40) * scale}/s` };
  }
  return best;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/**
 * The round trips one after another before the active file's marks were all painted (the requests the windows saw,
 * each begun after the previous one was answered), with one such chain, and the time they took.
 */
function activeMarks(run: ProductRun, spans: readonly RequestSpan[]): string {
  if (run.activeMs === undefined || run.activeAt === undefined) return 'not before the end';
  const trips = roundTripsUntil(spans, run.activeAt);
  const chain = trips.chain.map((span) => span.label.replace(/^GET \/api\/0\/organizations\/[^/]+/, '')).join(' -> ');
  return `${trips.depth} round trips one after another, ${seconds(run.activeMs)} = ${(run.activeMs / latencyMs).toFixed(1)} latencies [${chain}]`;
}

interface Path {
  readonly name: string;
  readonly url: string;
  readonly counts: 'counts' | 'perIssueCounts';
  readonly spans: 'spans' | 'perIssueSpans';
  readonly perIssue: boolean;
}

async function runPath(
  path: Path,
  testCase: Case,
  servers: Servers,
  workspace: string,
  scenario: LoadScenario,
  naiveMs: number,
): Promise<void> {
  await servers.counts(path.counts);
  await servers.spans(path.spans);
  const client = SentryClient.create({ baseUrl: path.url, token: DEFAULT_TOKEN, log: silentLogger });
  try {
    const run = await productLoad(client, workspace, scenario);
    const cold = await servers.counts(path.counts);
    const coldSpans = await servers.spans(path.spans);
    const refreshed = await run.session.load();
    const refresh = await servers.counts(path.counts);
    if (!refreshed.ok) throw new Error(refreshed.error.message);

    const mainPages = Math.ceil(testCase.issues / 100);
    const bound = lowerBoundMs(cold, testCase.scale, testCase.issues, path.perIssue, mainPages);
    const marks = run.loaded.index.hitCount;
    const listPages = mainPages + Math.ceil(scenario.newIssues / 100);
    const refreshRequests = Object.values(refresh.served).reduce((sum, value) => sum + value, 0) + refresh.tooMany;
    console.log(`  ${path.name}`);
    console.log(
      `    active file's marks:   ${activeMarks(run, coldSpans)} (${scenario.activeIssueIds.size} issues touch it)`,
    );
    console.log(
      `    full index:            ${seconds(run.ms)}; lower bound ${seconds(bound.ms)} (${bound.by}); ratio ${(run.ms / bound.ms).toFixed(2)}x the bound`,
    );
    console.log(`    naive / product:       ${(naiveMs / run.ms).toFixed(2)}x (target >= 10x at N = 1,000)`);
    console.log(
      `    cold load requests:    ${JSON.stringify(cold.served)}, ${cold.tooMany} answered 429, at most ${cold.maxInFlight} in flight`,
    );
    console.log(`    refresh, nothing changed: ${refreshRequests} requests; list pages alone: ${listPages}`);
    console.log(
      `    annotations lost:      ${scenario.expectedMarks - marks} of ${scenario.expectedMarks} (${run.loaded.missing.length} issues reported missing, ${run.loaded.framesOnly.size} placed from Discover frames)`,
    );
    console.log(
      `    CPU per issue:         ${(run.cpuMs / testCase.issues).toFixed(2)} ms; peak memory ${run.peakRssMb.toFixed(0)} MB RSS, ${run.peakHeapMb.toFixed(0)} MB heap`,
    );
  } finally {
    await client.close();
  }
}

async function runCase(testCase: Case): Promise<void> {
  const scenario = loadScenario(testCase.issues);
  const servers = await Servers.start(testCase.issues, testCase.scale);
  const workspace = writeWorkspace(scenario.files);
  try {
    const sample = testCase.naiveSample ?? testCase.issues;
    const naive = await naiveLoad(servers.urls.unlimitedUrl, workspace, sample);
    const naiveMs = (naive.ms * testCase.issues) / sample;
    const windows = testCase.scale === 1 ? "sentry.io's windows" : `sentry.io's windows x${testCase.scale}`;
    console.log(`\nN = ${testCase.issues} (${windows}, concurrency limit 15, ${latencyMs} ms per answer)`);
    console.log(
      `  naive loader, no limits: ${seconds(naiveMs)}${sample < testCase.issues ? ` (timed on ${sample} issues, scaled)` : ''}`,
    );
    const paths: Path[] = [
      {
        name: 'per-issue path (a Sentry without the organization events endpoint)',
        url: servers.urls.perIssueUrl,
        counts: 'perIssueCounts',
        spans: 'perIssueSpans',
        perIssue: true,
      },
      {
        name: 'with the organization events endpoint (Discover)',
        url: servers.urls.limitedUrl,
        counts: 'counts',
        spans: 'spans',
        perIssue: false,
      },
    ];
    for (const path of paths)
      if (process.env.BENCH_PATHS !== 'discover' || !path.perIssue)
        await runPath(path, testCase, servers, workspace, scenario, naiveMs);
  } finally {
    servers.stop();
    rmSync(workspace, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const only = process.env.BENCH_N ? Number(process.env.BENCH_N) : undefined;
  for (const testCase of cases) if (only === undefined || testCase.issues === only) await runCase(testCase);
}

void main();
