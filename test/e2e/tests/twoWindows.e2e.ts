// End to end: two windows of one VS Code (two workbench pages of one code-server, so they share the extension's
// storage) on two folders without Sentry configuration, both on the one local Sentry. The first window serves its port;
// the second finds it served and uses it. New events then update the marks of both windows, not only the serving one;
// and when the serving window closes, the second takes the port over and keeps updating.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startSession, waitFor, type LineDecoration, type Workbench } from '../harness';
import { freePort } from '../harness/codeServer';
import { errorEnvelope, postEnvelope, sendWhenServed } from './localSentryEvent';

const basket = 'src/basket.js';
const files = {
  [basket]: [
    '// The basket of a small shop.',
    'export function checkout(basket) {',
    "  if (basket.length === 0) throw new TypeError('basket is empty');",
    '  return basket.length;',
    '}',
    '',
  ].join('\n'),
};
/** The `throw` line, where every event's frame points. */
const raisingLine = 3;

/** One error event of the basket, raised on `raisingLine`, as an SDK would send it. */
const basketEvent = (): string =>
  errorEnvelope({
    file: basket,
    line: raisingLine,
    functionName: 'checkout',
    type: 'TypeError',
    value: 'basket is empty',
  });

/** Posts one event to the local DSN; resolves with the HTTP status, rejects when nothing listens. */
const postEvent = (port: number): Promise<number> => postEnvelope(port, basketEvent());

function markOf(found: LineDecoration[]): LineDecoration | undefined {
  return found.find((mark) => mark.line === raisingLine && mark.text.includes('TypeError: basket is empty'));
}

/** `timeoutMs` beyond a step's 20 s for a window's first load, which a busy machine slows down. */
async function waitForCount(workbench: Workbench, events: number, window: string, timeoutMs?: number): Promise<void> {
  const count = events === 1 ? '1 event' : `${events} events`;
  await workbench.waitForAfterLineDecorations(
    (found) => markOf(found)?.text.startsWith(`✖ ${count} `) === true,
    `the ${window} window's mark to read "${count}"`,
    timeoutMs,
  );
}

test('two windows on one local Sentry both show new events; the second takes over the port when the first closes', async () => {
  // Not the default 8963: a local Sentry running on this machine must not receive the test's events.
  const port = await freePort();
  const settings = { 'sentryInsight.local.port': port, 'remote.autoForwardPorts': false };
  // A closed window's extension host stops after 3 s instead of code-server's three hours.
  const session = await startSession({
    testName: 'two-windows',
    workspace: { files },
    settings,
    reconnectionGraceSeconds: 3,
  });
  try {
    const first = session.workbench;
    await first.openFile(basket);
    await waitFor(async () => ((await postEvent(port).catch(() => 0)) === 200 ? true : undefined), {
      what: `the first window to serve the local Sentry on ${port}`,
      timeoutMs: 60_000,
      intervalMs: 500,
    });
    await waitForCount(first, 1, 'first', 60_000);
    const { workbench: second } = await session.openWindow('second', files);
    await second.openFile(basket);
    // The second window's own load shows the first event; the next ones reach it only through the serving window.
    await waitForCount(second, 1, 'second', 60_000);
    await second.runCommand('Sentry: Show Output');
    const output = await second.waitForOutputText('Sentry Insight', 'is served by another window');
    assert.match(output, new RegExp(`port ${port} is served by another window`));
    // The serving window keeps its token beside the shared store: the second finds it, so triage works there too.
    assert.doesNotMatch(output, /triage there will be refused/);

    await sendWhenServed(port, basketEvent);
    await waitForCount(first, 2, 'first');
    await waitForCount(second, 2, 'second');
    await first.screenshot('first');
    await second.screenshot('second');

    await first.page.close();
    await sendWhenServed(port, basketEvent);
    await waitForCount(second, 3, 'second');
    await second.screenshot('second-after-takeover');
    // It was this window's own server that took the event: the port changed hands.
    await second.waitForOutputText('Sentry Insight', `Local Sentry listening on http://127.0.0.1:${port}`);
  } finally {
    await session.stop();
  }
});
