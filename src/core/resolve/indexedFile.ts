// One file of the workspace index: its folder, its relative path split into segments, and whether it is build output.
import type { WorkspaceFolder } from './frame';
import { buildOutputDepth } from './workspaceDirectories';

export interface IndexedFile {
  readonly folder: WorkspaceFolder;
  /** Relative to the folder, `/`-separated, no `.` or `..` segment. */
  readonly path: string;
  readonly segments: readonly string[];
  /** Position of the folder in the workspace's folder list: the first folder wins a tie. */
  readonly folderRank: number;
  /** Index in `segments` of the build-output directory (`dist`, `build`...) the file is under, or -1. */
  readonly buildOutputDepth: number;
}

export function indexedFile(folder: WorkspaceFolder, folderRank: number, path: string): IndexedFile {
  const segments = path.split('/');
  return { folder, path, segments, folderRank, buildOutputDepth: buildOutputDepth(segments) };
}

export function isBuildOutput(file: IndexedFile): boolean {
  return file.buildOutputDepth >= 0;
}
