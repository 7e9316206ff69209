// Persists snapshots as JSON files in the extension's storage folder so a reload shows the last data at once.
// Writes go to a temp file renamed into place, so a crash mid-write leaves the previous snapshot intact.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../log';
import { parseSnapshot, type IssueSnapshot } from './snapshot';

export class SnapshotFiles {
  constructor(
    private readonly dir: string,
    private readonly log: Logger,
  ) {}

  async read(folderPath: string): Promise<IssueSnapshot | undefined> {
    let text: string;
    try {
      text = await readFile(this.fileOf(folderPath), 'utf8');
    } catch {
      return undefined; // no cache yet
    }
    try {
      const snapshot = parseSnapshot(JSON.parse(text));
      if (!snapshot)
        this.log.warn(`Ignoring a cached snapshot of ${folderPath} that does not validate (older version or corrupt).`);
      return snapshot?.folderPath === folderPath ? snapshot : undefined;
    } catch {
      this.log.warn(`Ignoring a corrupt cached snapshot of ${folderPath}.`);
      return undefined;
    }
  }

  async write(snapshot: IssueSnapshot): Promise<void> {
    const file = this.fileOf(snapshot.folderPath);
    const temp = `${file}.${process.pid}.tmp`;
    try {
      await mkdir(this.dir, { recursive: true });
      await writeFile(temp, JSON.stringify(snapshot));
      await rename(temp, file);
    } catch (error) {
      this.log.warn(
        `Could not cache the issues of ${snapshot.folderPath}: ${error instanceof Error ? error.message : String(error)}`,
      );
      await rm(temp, { force: true }).catch(() => undefined);
    }
  }

  async remove(folderPath: string): Promise<void> {
    await rm(this.fileOf(folderPath), { force: true }).catch(() => undefined);
  }

  private fileOf(folderPath: string): string {
    return join(this.dir, `${createHash('sha256').update(folderPath).digest('hex').slice(0, 24)}.json`);
  }
}
