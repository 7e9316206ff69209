// What loading the store's log found, and the one message that tells the user what could not be read and what to do.

export type DamageKind =
  'zero bytes' | 'not UTF-8 text' | 'not JSON' | 'not a store record' | 'a line too long to be a record';

/** Consecutive unreadable lines of the file. */
export interface DamagedRange {
  readonly start: number;
  /** Offset just past the range's last byte. */
  readonly end: number;
  readonly lines: number;
  readonly kinds: readonly DamageKind[];
}

export interface LoadReport {
  readonly path: string;
  /** Records read and applied. */
  readonly records: number;
  /** Unreadable parts of the file, in file order. */
  readonly damaged: readonly DamagedRange[];
  /**
   * Records known to be missing: gaps in the records' sequence numbers, and records written before the last clean close
   * that are no longer in the file. Files from versions without sequence numbers count each unreadable line instead.
   */
  readonly lostRecords: number;
  /**
   * Records kept although they were not as written: bytes that are not UTF-8 (those characters became U+FFFD), or an
   * event body that no longer matches its checksum but still reads as JSON.
   */
  readonly repairedRecords: number;
  /** Bytes of an unfinished last record (a crash mid-write, before it was acknowledged), cut off. */
  readonly tornBytes: number;
  /** The file is shorter than when the store was last closed cleanly. */
  readonly shortenedBy: number;
  /** Where the damaged file was copied before the store rewrote it with what could be read. */
  readonly keptAsideAt?: string;
}

export function emptyLoadReport(path: string): LoadReport {
  return { path, records: 0, damaged: [], lostRecords: 0, repairedRecords: 0, tornBytes: 0, shortenedBy: 0 };
}

/** True when something was lost or changed: the file is then kept aside and the user told. */
export function isDamaged(report: LoadReport): boolean {
  return report.damaged.length > 0 || report.lostRecords > 0 || report.repairedRecords > 0 || report.shortenedBy > 0;
}

/** The warning for a damaged store, or undefined when it loaded whole (a torn unacknowledged record is no loss). */
export function describeLoad(report: LoadReport): string | undefined {
  if (!isDamaged(report)) return undefined;
  const found: string[] = [];
  if (report.lostRecords > 0)
    found.push(`${count(report.lostRecords, 'record')} (events or issue changes) could not be read`);
  for (const range of report.damaged.slice(0, 3)) {
    found.push(
      `bytes ${range.start.toLocaleString('en-US')} to ${(range.end - 1).toLocaleString('en-US')} (${count(range.lines, 'line')}) are ${range.kinds.join(', ')}`,
    );
  }
  if (report.damaged.length > 3) found.push(`${count(report.damaged.length - 3, 'more damaged part')}`);
  if (report.shortenedBy > 0)
    found.push(
      `the file is ${report.shortenedBy.toLocaleString('en-US')} bytes shorter than when the store was last closed (cut off by something else)`,
    );
  if (report.repairedRecords > 0)
    found.push(
      `${count(report.repairedRecords, 'record')} had bytes that are not UTF-8 (now U+FFFD) or changed since written, and were kept as read`,
    );
  const aside =
    report.keptAsideAt === undefined
      ? ''
      : ` The damaged file was copied to ${report.keptAsideAt}; restore what is missing from it, or delete it once you no longer need it.`;
  return `The local Sentry store ${report.path} was damaged: ${found.join('; ')}. It kept the ${count(report.records, 'record')} it could read and goes on with them.${aside}`;
}

function count(value: number, noun: string): string {
  return `${value.toLocaleString('en-US')} ${noun}${value === 1 ? '' : 's'}`;
}
