// Watches a local server that another process runs (another window, `sentry-insight serve`) for new data: reads its
// change signal about once a second with a bounded request, reports each new version, and says when nothing listens
// on the port any more (that window closed), so the caller can take the port over.
import type { Logger } from '../log';
import { changeVersionSchema, localChangesPath } from './changeSignal';

export interface ChangeWatchOptions {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** The server's Web API token, sent when known: a server started with `serve --token` wants it for reads. */
  readonly token?: string;
  /** The server stored something since the last read. */
  readonly onChange: () => void;
  /** Nothing listens on the port any more; the watch has stopped. */
  readonly onGone: () => void;
  readonly log: Logger;
  /** Pause between the end of one read and the next. */
  readonly intervalMs?: number;
  /** How long one read may take before it counts as failed (and the next one is tried). */
  readonly timeoutMs?: number;
}

export interface ChangeWatch {
  /**
   * Settles after the first reading (whatever it found): a load started after it cannot miss a change, since the
   * first version read is the baseline later ones are compared with.
   */
  readonly ready: Promise<void>;
  dispose(): void;
}

type Reading =
  | { kind: 'version'; version: string }
  | { kind: 'gone' }
  | { kind: 'unsupported'; status: number }
  | { kind: 'refused'; status: number }
  | { kind: 'failed'; reason: string };

export const defaultWatchIntervalMs = 1_000;
const defaultTimeoutMs = 3_000;
/** The answer is a few dozen bytes; anything much longer is not our server's. */
const maxAnswerChars = 1_000;

export function watchLocalChanges(options: ChangeWatchOptions): ChangeWatch {
  const intervalMs = options.intervalMs ?? defaultWatchIntervalMs;
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  let seen: string | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let reading: AbortController | undefined;
  let settleFirst: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    settleFirst = resolve;
  });

  const next = (): void => {
    if (!stopped) timer = setTimeout(() => void poll(), intervalMs);
  };
  const poll = async (): Promise<void> => {
    reading = new AbortController();
    const answer = await readVersion(options.url, options.token, AbortSignal.any([reading.signal, AbortSignal.timeout(timeoutMs)]));
    settleFirst();
    if (stopped) return;
    switch (answer.kind) {
      case 'version':
        // The first reading is the baseline: what the window loads next already includes it.
        if (seen !== undefined && answer.version !== seen) options.onChange();
        seen = answer.version;
        return next();
      case 'gone':
        stopped = true;
        return options.onGone();
      case 'unsupported':
        stopped = true;
        options.log.info(
          `The local Sentry at ${options.url} (another window or \`sentry-insight serve\`) does not announce new events (HTTP ${answer.status} from ${localChangesPath}); this window shows them on its refresh interval or after Sentry: Refresh.`,
        );
        return;
      case 'refused':
        stopped = true;
        options.log.info(
          `The local Sentry at ${options.url} refused to say whether anything changed (HTTP ${answer.status}): it wants a token this window does not have (\`sentry-insight serve --token\`). This window shows new events on its refresh interval or after Sentry: Refresh.`,
        );
        return;
      case 'failed':
        // A busy server or machine: try again; only a closed port ends the watch.
        options.log.debug(`local: reading ${options.url}${localChangesPath} failed: ${answer.reason}`);
        return next();
    }
  };
  void poll();
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

async function readVersion(url: string, token: string | undefined, signal: AbortSignal): Promise<Reading> {
  try {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (token !== undefined) headers['Authorization'] = `Bearer ${token}`;
    const response = await fetch(`${url}${localChangesPath}`, { signal, headers });
    const text = await response.text();
    if (response.status === 404 || response.status === 405) return { kind: 'unsupported', status: response.status };
    if (response.status === 401 || response.status === 403) return { kind: 'refused', status: response.status };
    if (!response.ok) return { kind: 'failed', reason: `HTTP ${response.status}` };
    if (text.length > maxAnswerChars) return { kind: 'failed', reason: `an answer of ${text.length} characters` };
    const parsed = changeVersionSchema.safeParse(JSON.parse(text));
    return parsed.success ? { kind: 'version', version: parsed.data.version } : { kind: 'failed', reason: 'an answer without a version' };
  } catch (error) {
    if (causeCode(error) === 'ECONNREFUSED') return { kind: 'gone' };
    return { kind: 'failed', reason: error instanceof Error ? error.message : String(error) };
  }
}

/** fetch wraps the socket's error: `TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } })`. */
function causeCode(error: unknown): unknown {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  return cause?.code;
}
