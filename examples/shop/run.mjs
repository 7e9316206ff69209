// Builds the shop (TypeScript bundled by esbuild into dist/app.js with a source map, so Sentry Insight has to map the
// bundle's frames back to src/) and runs it once: `node examples/shop/run.mjs` or `npm start` in this folder.
import { spawnSync } from 'node:child_process';
import { createConnection } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const shop = dirname(fileURLToPath(import.meta.url));
// Same default as src/instrument.ts. (A DSN's public key must be letters, digits or _: the JavaScript SDK rejects others.)
const defaultDsn = 'http://local@127.0.0.1:8963/1';

await esbuild.build({
  entryPoints: [join(shop, 'src', 'app.ts')],
  outfile: join(shop, 'dist', 'app.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  // The SDK stays a package: its frames are then outside the app (not in-app), as in a real deployment.
  packages: 'external',
  logLevel: 'warning',
});

/** Whether something accepts connections at the DSN's host and port (the SDK drops events silently when not). */
function listening(dsn) {
  const { hostname, port, protocol } = new URL(dsn);
  return new Promise((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port || (protocol === 'https:' ? 443 : 80)) });
    socket.setTimeout(2000);
    const answer = (value) => {
      socket.destroy();
      resolve(value);
    };
    socket.once('connect', () => answer(true));
    socket.once('error', () => answer(false));
    socket.once('timeout', () => answer(false));
  });
}

const dsn = process.env.SENTRY_DSN ?? defaultDsn;
if (!(await listening(dsn))) {
  const { host } = new URL(dsn);
  console.warn(
    `Nothing answers at ${host}, so these errors will be lost. Start Sentry Insight's local Sentry first: open this folder in VS Code ` +
      `with the extension (npm run demo does), or run \`sentry-insight serve\` (node dist/cli.js serve) in another terminal.\n`,
  );
}
const result = spawnSync(process.execPath, [join(shop, 'dist', 'app.js')], { cwd: shop, stdio: 'inherit' });
process.exit(result.status ?? 1);
