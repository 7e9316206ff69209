// A file's size and modification time as one key: an answer computed from the file stays good while both do.
import { stat } from 'node:fs/promises';

/** Undefined when the path is missing or not a regular file. */
export async function fileState(path: string): Promise<string | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? `${String(info.size)}:${String(info.mtimeMs)}` : undefined;
  } catch {
    return undefined;
  }
}
