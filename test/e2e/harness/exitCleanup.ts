// Last-resort cleanup when the test process ends early (a crash, Ctrl+C, the runner cancelling a file): synchronous
// actions registered here run on 'exit', and SIGINT/SIGTERM are turned into an exit so that they run then too.

const actions = new Set<() => void>();
let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', () => {
    for (const action of actions) {
      try {
        action();
      } catch {
        // Keep going: the other actions still have to run.
      }
    }
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => process.exit(signal === 'SIGINT' ? 130 : 143));
  }
}

/** Registers a synchronous action for an early exit; the returned function unregisters it (after a normal teardown). */
export function onEarlyExit(action: () => void): () => void {
  install();
  actions.add(action);
  return () => actions.delete(action);
}
