// Deadlines for whole operations (a load, a refresh): an abort signal that fires at a time and remembers when, so
// that a request waiting for a rate-limit window can give up at once when the window opens too late, and the failure
// says "deadline" rather than "cancelled".

const deadlines = new WeakMap<AbortSignal, { readonly at: number; readonly ms: number }>();

/** The reason a deadline signal aborts with. */
export class DeadlineExceeded extends Error {
  constructor(readonly ms: number) {
    super(`deadline of ${ms} ms passed`);
    this.name = 'DeadlineExceeded';
  }
}

/** A signal that aborts `ms` from now with a DeadlineExceeded, or earlier when `parent` aborts. */
export function deadlineSignal(ms: number, parent?: AbortSignal, now = Date.now()): AbortSignal {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DeadlineExceeded(ms)), ms);
  // A deadline alone must not keep a CLI process alive.
  (timer as { unref?: () => void }).unref?.();
  const stop = (): void => clearTimeout(timer);
  controller.signal.addEventListener('abort', stop, { once: true });
  if (parent) {
    if (parent.aborted) controller.abort(parent.reason);
    else
      parent.addEventListener('abort', () => controller.abort(parent.reason), {
        once: true,
        signal: controller.signal,
      });
  }
  deadlines.set(controller.signal, { at: now + ms, ms });
  return controller.signal;
}

/** When the signal's deadline passes (epoch ms), if it is a deadline signal. */
export function deadlineOf(signal: AbortSignal | undefined): { readonly at: number; readonly ms: number } | undefined {
  return signal ? deadlines.get(signal) : undefined;
}

/** The deadline that aborted this signal, if that is why it aborted. */
export function exceededDeadline(signal: AbortSignal | undefined): DeadlineExceeded | undefined {
  return signal?.aborted && signal.reason instanceof DeadlineExceeded ? signal.reason : undefined;
}
