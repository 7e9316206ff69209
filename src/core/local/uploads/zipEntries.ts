// Reads the files of a ZIP archive (stored or deflated entries), as artifact bundles are: the central directory at the
// end names each entry; bytes before the archive (a source bundle's `SYSB` header) are allowed. Never throws: a
// damaged archive yields undefined.
import { inflateRawSync } from 'node:zlib';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

export interface ZipLimits {
  readonly maxEntries: number;
  /** Total bytes all entries may expand to (zip bombs). */
  readonly maxTotalBytes: number;
}

/** Entry name → contents, or undefined when the archive is damaged or beyond the limits. */
export function zipEntries(archive: Buffer, limits: ZipLimits): Map<string, Buffer> | undefined {
  try {
    return readEntries(archive, limits);
  } catch {
    return undefined;
  }
}

function readEntries(archive: Buffer, limits: ZipLimits): Map<string, Buffer> | undefined {
  const end = findEndOfDirectory(archive);
  if (end === undefined) return undefined;
  const count = archive.readUInt16LE(end + 10);
  const directorySize = archive.readUInt32LE(end + 12);
  const directoryOffset = archive.readUInt32LE(end + 16);
  if (count > limits.maxEntries) return undefined;
  // Offsets count from the archive's start, which a prefix moves.
  const base = end - directorySize - directoryOffset;
  if (base < 0) return undefined;
  const entries = new Map<string, Buffer>();
  let total = 0;
  let at = base + directoryOffset;
  for (let index = 0; index < count; index++) {
    if (archive.readUInt32LE(at) !== DIRECTORY_ENTRY) return undefined;
    const method = archive.readUInt16LE(at + 10);
    const compressedSize = archive.readUInt32LE(at + 20);
    const size = archive.readUInt32LE(at + 24);
    const nameLength = archive.readUInt16LE(at + 28);
    const extraLength = archive.readUInt16LE(at + 30);
    const commentLength = archive.readUInt16LE(at + 32);
    const localOffset = base + archive.readUInt32LE(at + 42);
    const name = archive.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    total += size;
    if (total > limits.maxTotalBytes) return undefined;
    if (name.endsWith('/')) continue;
    if (archive.readUInt32LE(localOffset) !== LOCAL_HEADER) return undefined;
    const dataStart =
      localOffset + 30 + archive.readUInt16LE(localOffset + 26) + archive.readUInt16LE(localOffset + 28);
    const data = archive.subarray(dataStart, dataStart + compressedSize);
    if (method === 0) entries.set(name, Buffer.from(data));
    else if (method === 8) entries.set(name, inflateRawSync(data, { maxOutputLength: Math.max(size, 1) }));
    else return undefined;
  }
  return entries;
}

function findEndOfDirectory(archive: Buffer): number | undefined {
  // The record is 22 bytes plus a comment of at most 64 KiB.
  for (let at = archive.length - 22; at >= Math.max(0, archive.length - 22 - 65_535); at--) {
    if (archive.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  return undefined;
}
