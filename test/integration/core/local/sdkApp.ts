// A small Node app written to a temp workspace that reports errors to a DSN with the real @sentry/node SDK, and the
// lines it throws at, so that tests can check each error is marked where it was raised.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runNodeScript, type ProcessRun } from '../../../support/processRun';

export const sdkAppFiles = {
  'package.json': JSON.stringify({ name: 'shop', version: '1.2.3', private: true }),
  'src/cart.js': `// Cart rules.
function computeTotal(cart) {
  if (cart.items.length === 0) {
    throw new TypeError(\`cart \${cart.id} is empty\`);
  }
  return cart.items.reduce((sum, item) => sum + item.price, 0);
}
module.exports = { computeTotal };
`,
  'src/orders.js': `// Orders.
function placeOrder(order) {
  if (!order.address) throw new TypeError('order ' + order.id + ' has no address');
  return order.id;
}
module.exports = { placeOrder };
`,
  'src/app.js': `// Reports errors of a few checkouts to the DSN given as the first argument.
const Sentry = require(process.env.SENTRY_NODE_PATH);
const { computeTotal } = require('./cart');
const { placeOrder } = require('./orders');

Sentry.init({ dsn: process.argv[2], release: 'shop@1.2.3', environment: 'development' });

async function main() {
  const checkouts = [['u1', 1], ['u2', 2], ['u1', 3]];
  for (const [user, id] of checkouts) {
    Sentry.setUser({ id: user });
    try {
      computeTotal({ id, items: [] });
    } catch (error) {
      Sentry.captureException(error);
    }
  }
  Sentry.setUser({ id: 'u3' });
  try {
    placeOrder({ id: 9 });
  } catch (error) {
    Sentry.captureException(error);
  }
  const flushed = await Sentry.flush(20000);
  process.stdout.write(flushed ? 'flushed\\n' : 'not flushed\\n');
  if (process.argv[3] === 'crash') {
    setTimeout(() => computeTotal({ id: 'crash', items: [] }), 0);
  }
}
main();
`,
};

/** 1-based lines the errors are raised at. */
export const raisedLines = { cart: 4, orders: 3 } as const;

export interface SdkWorkspace {
  readonly path: string;
  remove(): void;
}

export function writeSdkWorkspace(): SdkWorkspace {
  const path = realpathSync(mkdtempSync(join(tmpdir(), 'local-sdk-app-')));
  for (const [file, text] of Object.entries(sdkAppFiles)) {
    mkdirSync(dirname(join(path, file)), { recursive: true });
    writeFileSync(join(path, file), text);
  }
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/**
 * Runs the app with the DSN (empty for none); `crash` adds an uncaught exception after the handled ones; `env` adds
 * variables such as `SENTRY_SPOTLIGHT`. Its stdout says whether the SDK flushed.
 */
export function runSdkApp(
  workspace: string,
  dsn: string,
  mode: 'handled' | 'crash' = 'handled',
  env: Record<string, string> = {},
): Promise<ProcessRun> {
  return runNodeScript(join(workspace, 'src', 'app.js'), [dsn, mode], {
    cwd: workspace,
    env: { PATH: process.env['PATH'] ?? '', HOME: tmpdir(), SENTRY_NODE_PATH: require.resolve('@sentry/node'), ...env },
    timeoutMs: 60_000,
  });
}
