// A throwaway workspace on disk for resolver tests: files written by relative path, removed after the suite.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { WorkspaceFolder } from '../../../../src/core/resolve/frame';

export interface TempWorkspace {
  /** The parent of the workspace folder, for files that must lie outside it. */
  readonly root: string;
  readonly folder: WorkspaceFolder;
  write(relativePath: string, text: string): string;
  /** Writes beside the workspace folder, outside it. */
  writeOutside(relativePath: string, text: string): string;
  remove(): void;
}

export function createTempWorkspace(prefix: string): TempWorkspace {
  const root = realpathSync(mkdtempSync(join(tmpdir(), `${prefix}-`)));
  const folder: WorkspaceFolder = { name: 'ws', path: join(root, 'ws') };
  mkdirSync(folder.path);
  const writeAt = (base: string, relativePath: string, text: string): string => {
    const path = join(base, relativePath);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    return path;
  };
  return {
    root,
    folder,
    write: (relativePath, text) => writeAt(folder.path, relativePath, text),
    writeOutside: (relativePath, text) => writeAt(join(root, 'outside'), relativePath, text),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
