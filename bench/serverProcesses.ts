// Servers in processes of their own for the benches (ours and Spotlight's sidecar), pinned to one core when `taskset`
// exists so that each is measured on one core, and the senders that load them with a fixed number of requests in flight.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { request } from 'node:http';
import { createInterface, type Interface } from 'node:readline';

/** The core the servers run on; the bench process (the senders) may use the others. */
const SERVER_CORE = '0';
const START_TIMEOUT_MS = 60_000;
const hasTaskset = spawnSync('sh', ['-c', 'command -v taskset'], { stdio: 'ignore' }).status === 0;

export const pinnedToOneCore = hasTaskset;

export class ServerProcess {
  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly lines: Interface,
    readonly port: number,
    /** Milliseconds from the spawn to the `{"port":…}` line. */
    readonly startMs: number,
  ) {}

  /** Runs `node script ...args` and waits for its `{"port":…}` line. */
  static async start(script: string, args: readonly string[] = [], cwd?: string): Promise<ServerProcess> {
    const started = performance.now();
    const command = hasTaskset ? 'taskset' : process.execPath;
    const commandArgs = hasTaskset ? ['-c', SERVER_CORE, process.execPath, script, ...args] : [script, ...args];
    const child = spawn(command, commandArgs, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    const lines = createInterface({ input: child.stdout });
    const first = await nextLine(lines, child, `${script} did not start within ${START_TIMEOUT_MS / 1000} s`);
    const { port } = JSON.parse(first) as { port: number };
    return new ServerProcess(child, lines, port, performance.now() - started);
  }

  /** The process's answer to `stats` (peak RSS, and what else it reports). */
  async stats<T extends { peakRssMiB: number }>(): Promise<T> {
    const answer = nextLine(this.lines, this.child, 'no stats within 60 s');
    this.child.stdin.write('stats\n');
    return JSON.parse(await answer) as T;
  }

  /** Ends its stdin (it closes and exits) and waits for the exit, at most 30 s. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.stdin.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
  }
}

function nextLine(lines: Interface, child: ChildProcessWithoutNullStreams, timeoutMessage: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(timeoutMessage)), START_TIMEOUT_MS);
    const onLine = (line: string): void => finish(undefined, line);
    const onExit = (code: number | null): void => finish(new Error(`the server process exited (${code})`));
    function finish(error: Error | undefined, line?: string): void {
      clearTimeout(timer);
      lines.off('line', onLine);
      child.off('exit', onExit);
      if (error !== undefined) reject(error);
      else resolve(line ?? '');
    }
    lines.on('line', onLine);
    child.on('exit', onExit);
  });
}

/** POSTs one envelope; resolves with the status code. */
export function postEnvelope(port: number, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers = { Host: `127.0.0.1:${port}`, 'Content-Type': 'application/x-sentry-envelope' };
    const outgoing = request(
      { host: '127.0.0.1', port, method: 'POST', path: '/api/1/envelope/?sentry_key=bench', headers },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** Sends `count` envelopes with `inFlight` requests at a time; every answer must be 200. Events per second. */
export async function sendEnvelopes(
  port: number,
  count: number,
  inFlight: number,
  envelopeAt: (index: number) => string,
): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < count) {
        const status = await postEnvelope(port, envelopeAt(next++));
        if (status !== 200) throw new Error(`ingest answered ${status}`);
      }
    }),
  );
  return count / ((performance.now() - started) / 1000);
}
