// Test support for the local server's unit tests: temp workspaces, minified bundles built with esbuild and the frames a
// Sentry SDK would send for an error thrown inside one, and a processed-event shortcut.
import { buildSync } from 'esbuild';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { processEvent } from '../../../../src/core/local/process/eventProcessor';
import type { ProcessedEvent } from '../../../../src/core/local/process/processedEvent';
import { WorkspaceSources } from '../../../../src/core/local/process/workspaceSources';
import { WatchedFileIndex } from '../../../../src/core/resolve/watchedFileIndex';
import { silentLogger } from '../../../../src/core/log';
import type { WorkspaceFolder } from '../../../../src/core/resolve/frame';
import type { EventFacts } from '../../../../src/core/local/store/storeRecords';

/** What grouping decided about a plain error event, for store tests that need an event and not its grouping. */
export const errorFacts: EventFacts = {
  hash: 'h',
  level: 'error',
  platform: 'node',
  title: 'Error',
  culprit: 'x',
  type: 'error',
  metadata: {},
  isUnhandled: false,
};

export interface TempFolder {
  readonly folder: WorkspaceFolder;
  write(relativePath: string, text: string): string;
  remove(): void;
}

export function tempFolder(prefix: string): TempFolder {
  const path = realpathSync(mkdtempSync(join(tmpdir(), `${prefix}-`)));
  return {
    folder: { name: 'ws', path },
    write: (relativePath, text) => {
      const file = join(path, relativePath);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
      return file;
    },
    remove: () => rmSync(path, { recursive: true, force: true }),
  };
}

/** Bundles `entry` (minified unless told otherwise, linked source map) into `outfile` inside the folder, as a CommonJS module. */
export function bundle(
  folder: TempFolder,
  entry: string,
  outfile: string,
  options: { sourcemap?: 'linked' | 'external'; minify?: boolean } = {},
): string {
  const out = join(folder.folder.path, outfile);
  const minify = options.minify ?? true;
  buildSync({
    entryPoints: [join(folder.folder.path, entry)],
    bundle: true,
    minify,
    sourcemap: options.sourcemap ?? 'linked',
    format: 'cjs',
    platform: 'node',
    outfile: out,
    logLevel: 'silent',
  });
  return out;
}

export interface IngestFrameJson {
  filename: string;
  abs_path: string;
  function?: string;
  lineno: number;
  colno: number;
  in_app?: boolean;
}

/** Runs `run()` of a bundle and turns the thrown error's V8 stack into SDK frames (caller to callee), bundle frames only. */
export function framesOfThrow(
  bundlePath: string,
  displayPath: string = bundlePath,
): { type: string; value: string; frames: IngestFrameJson[] } {
  delete require.cache[bundlePath];
  const loaded = require(bundlePath) as { run: () => unknown };
  try {
    loaded.run();
  } catch (error) {
    if (!(error instanceof Error) || error.stack === undefined) throw error;
    const frames: IngestFrameJson[] = [];
    for (const line of error.stack.split('\n').slice(1)) {
      const match = /^\s*at (?:(.*?) \()?(.*?):(\d+):(\d+)\)?$/.exec(line);
      if (!match || match[2] !== bundlePath) continue;
      const frame: IngestFrameJson = {
        filename: displayPath,
        abs_path: displayPath,
        lineno: Number(match[3]),
        colno: Number(match[4]),
        in_app: true,
      };
      if (match[1] !== undefined) frame.function = match[1];
      frames.push(frame);
    }
    return { type: error.name, value: error.message, frames: frames.reverse() };
  }
  throw new Error('the bundle did not throw');
}

export async function processWith(payload: unknown, folders: readonly WorkspaceFolder[] = []): Promise<ProcessedEvent> {
  const workspace =
    folders.length > 0
      ? await new WorkspaceSources({
          indexes: folders.map((folder) => new WatchedFileIndex(folder, silentLogger)),
          log: silentLogger,
        }).snapshot()
      : undefined;
  const processed = await processEvent(payload, {
    receivedAt: Date.parse('2026-05-01T12:00:00Z'),
    clientIp: '127.0.0.1',
    workspace,
  });
  if (!processed.ok) throw new Error(`processing failed: ${processed.error.detail}`);
  return processed.value;
}

/** The exception entry's values of a processed event's Web API body. */
export function exceptionValues(event: ProcessedEvent): Array<{
  type: string | null;
  value: string | null;
  stacktrace: { frames: Array<Record<string, unknown>> } | null;
  rawStacktrace: { frames: Array<Record<string, unknown>> } | null;
}> {
  const entries = event.body['entries'] as Array<{ type: string; data: { values: [] } }>;
  return entries.find((entry) => entry.type === 'exception')?.data.values ?? [];
}
