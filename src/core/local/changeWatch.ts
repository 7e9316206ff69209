// Follows a local server that another process runs (another window, `sentry-insight serve`): reads its change stream
// (server-sent events), reports each change with the issues it touched, reconnects a bounded number of times when the
// stream breaks (reporting a change of anything when versions were missed meanwhile), and says when nothing listens on
// the port any more (that window closed), so the caller can take the port over.
import type { Logger } from '../log';
import type { LocalChange } from './changeFeed';
import { changeMessageSchema, localChangeStreamPath, type ChangeMessage } from './changeSignal';
import { heartbeatMs } from './server/changeStream';

export interface ChangeWatchOptions {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** The server's Web API token, sent when known: a server started with `serve --token` wants it for reads. */
  readonly token?: string;
  /** The server stored something since the last message. */
  readonly onChange: (change: LocalChange) => void;
  /** Nothing listens on the port any more; the watch has stopped. */
  readonly onGone: () => void;
  readonly log: Logger;
  readonly retry?: Partial<RetryPolicy>;
  /** How long the stream may stay silent (the server sends a heartbeat every 5 s) before it counts as broken. */
  readonly stallMs?: number;
}

export interface RetryPolicy {
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
  /** Broken streams in a row (none of them opened) after which the watch stops and says so. */
  readonly maxFailures: number;
}

export interface ChangeWatch {
  /**
   * Settles after the first opening (whatever it found): a load started after it cannot miss a change, since the
   * first version is the baseline later ones are compared with.
   */
  readonly ready: Promise<void>;
  dispose(): void;
}

type StreamEnd =
  | { kind: 'ended'; reason: string }
  | { kind: 'gone' }
  | { kind: 'unsupported'; status: number }
  | { kind: 'refused'; status: number };

const defaultRetry: RetryPolicy = { firstDelayMs: 250, maxDelayMs: 5_000, maxFailures: 8 };
const connectTimeoutMs = 3_000;
/** A message is a few hundred bytes; a line longer than this is not our server's. */
const maxLineChars = 64 * 1024;

export function watchLocalChanges(options: ChangeWatchOptions): ChangeWatch {
  const retry = { ...defaultRetry, ...options.retry };
  const stallMs = options.stallMs ?? 3 * heartbeatMs;
  let seen: string | undefined;
  let failures = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let reading: AbortController | undefined;
  let settleFirst: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    settleFirst = resolve;
  });

  const onMessage = (event: string, message: ChangeMessage): void => {
    failures = 0;
    settleFirst();
    if (event === 'version') {
      // The first version is the baseline; a different one after a reconnection means changes were missed.
      if (seen !== undefined && message.version !== seen) options.onChange({ issueIds: undefined });
    } else if (event === 'change') {
      options.onChange({ issueIds: message.releasesChanged ? undefined : message.issueIds });
    }
    seen = message.version;
  };

  const follow = async (): Promise<void> => {
    reading = new AbortController();
    const end = await readStream(options, reading, stallMs, onMessage);
    settleFirst();
    if (stopped) return;
    switch (end.kind) {
      case 'gone':
        stopped = true;
        return options.onGone();
      case 'unsupported':
        stopped = true;
        options.log.info(
          `The local Sentry at ${options.url} (another window or \`sentry-insight serve\`) ` +
            `does not announce new events (HTTP ${end.status} from ${localChangeStreamPath}); ` +
            `this window shows them on its refresh interval or after Sentry: Refresh.`,
        );
        return;
      case 'refused':
        stopped = true;
        options.log.info(
          `The local Sentry at ${options.url} refused to say whether anything changed (HTTP ` +
            `${end.status}): it wants a token this window does not have (\`sentry-insight serve ` +
            `--token\`). This window shows new events on its refresh interval or after Sentry: Refresh.`,
        );
        return;
      case 'ended':
        failures++;
        if (failures > retry.maxFailures) {
          stopped = true;
          options.log.warn(
            `The local Sentry at ${options.url} stopped announcing new events (${end.reason}, ` +
              `${retry.maxFailures} times in a row); this window shows them on its refresh interval or ` +
              `after Sentry: Refresh.`,
          );
          return;
        }
        // A busy server or machine: try again after a pause that grows; only a closed port ends the watch at once.
        options.log.debug(`local: the change stream of ${options.url} ended (${end.reason}); reconnecting`);
        timer = setTimeout(() => void follow(), Math.min(retry.firstDelayMs * 2 ** (failures - 1), retry.maxDelayMs));
        return;
    }
  };
  void follow();
  return {
    ready,
    dispose: () => {
      settleFirst();
      stopped = true;
      if (timer) clearTimeout(timer);
      reading?.abort();
    },
  };
}

/** Reads one connection of the stream until it ends, calling `onMessage` for each well-formed message. */
async function readStream(
  options: ChangeWatchOptions,
  abort: AbortController,
  stallMs: number,
  onMessage: (event: string, message: ChangeMessage) => void,
): Promise<StreamEnd> {
  let stall: NodeJS.Timeout | undefined;
  const watchdog = (): void => {
    clearTimeout(stall);
    stall = setTimeout(() => abort.abort(new Error(`silent for ${stallMs} ms`)), stallMs);
  };
  try {
    const headers: Record<string, string> = { Accept: 'text/event-stream' };
    if (options.token !== undefined) headers['Authorization'] = `Bearer ${options.token}`;
    // The answer's headers must come within the connect bound; from then on the stall watchdog bounds each silence.
    const connect = setTimeout(
      () => abort.abort(new Error(`no answer within ${connectTimeoutMs} ms`)),
      connectTimeoutMs,
    );
    const response = await fetch(`${options.url}${localChangeStreamPath}`, { signal: abort.signal, headers }).finally(
      () => clearTimeout(connect),
    );
    if (response.status === 404 || response.status === 405) return { kind: 'unsupported', status: response.status };
    if (response.status === 401 || response.status === 403) return { kind: 'refused', status: response.status };
    if (!response.ok || response.body === null) {
      await response.body?.cancel().catch(() => undefined);
      return { kind: 'ended', reason: `HTTP ${response.status}` };
    }
    watchdog();
    const parser = new EventStreamParser(onMessage);
    const decoder = new TextDecoder();
    const reader = response.body.getReader();
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) return { kind: 'ended', reason: 'the server closed the stream' };
      watchdog();
      if (!parser.push(decoder.decode(chunk.value, { stream: true }))) {
        abort.abort();
        return { kind: 'ended', reason: 'a line too long for a change message' };
      }
    }
  } catch (error) {
    if (causeCode(error) === 'ECONNREFUSED') return { kind: 'gone' };
    const reason =
      abort.signal.reason instanceof Error
        ? abort.signal.reason.message
        : error instanceof Error
          ? error.message
          : String(error);
    return { kind: 'ended', reason };
  } finally {
    clearTimeout(stall);
  }
}

/** The `text/event-stream` format, as far as the server uses it: `event:` and `data:` lines, a blank line ends a message. */
class EventStreamParser {
  private buffer = '';
  private event = 'message';
  private data = '';

  constructor(private readonly onMessage: (event: string, message: ChangeMessage) => void) {}

  /** False when a line grew past the bound. */
  push(text: string): boolean {
    this.buffer += text;
    let newline: number;
    while ((newline = this.buffer.indexOf('\n')) >= 0) {
      this.line(this.buffer.slice(0, newline).replace(/\r$/, ''));
      this.buffer = this.buffer.slice(newline + 1);
    }
    return this.buffer.length <= maxLineChars;
  }

  private line(line: string): void {
    if (line === '') {
      if (this.data !== '') this.dispatch();
      this.event = 'message';
      this.data = '';
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') this.event = value;
    else if (field === 'data' && this.data.length + value.length <= maxLineChars)
      this.data += this.data === '' ? value : `\n${value}`;
  }

  private dispatch(): void {
    try {
      const parsed = changeMessageSchema.safeParse(JSON.parse(this.data));
      if (parsed.success) this.onMessage(this.event, parsed.data);
    } catch {
      // Not JSON: not a message of ours; the next one may be.
    }
  }
}

/** fetch wraps the socket's error: `TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } })`. */
function causeCode(error: unknown): unknown {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  return cause?.code;
}
