// Reads the bodies a rewrite of the log copies, in the order it asks for them, with one read per stretch of a few
// megabytes instead of one per body: the kept bodies mostly lie one after the other in the file, so that a stretch
// holds many of them, with little between them that is not copied.
import type { FileHandle } from 'node:fs/promises';
import type { BodyPlace } from './eventBody';

/** At most this many bytes are read at once, unless one body is larger. */
const STRETCH_BYTES = 4 << 20;

/**
 * The bytes of each place in turn, or fewer bytes for a place past the file's end. Each buffer is only good until the
 * next one is asked for: the reads share one buffer.
 */
export async function* bytesOfPlaces(
  handle: Pick<FileHandle, 'read'>,
  places: readonly BodyPlace[],
  stretchBytes = STRETCH_BYTES,
): AsyncGenerator<Buffer> {
  let buffer = Buffer.alloc(0);
  for (let first = 0; first < places.length;) {
    const start = places[first]?.offset ?? 0;
    const last = lastInStretch(places, first, stretchBytes);
    const end = endOf(places[last]);
    if (buffer.length < end - start) buffer = Buffer.allocUnsafe(Math.max(end - start, stretchBytes));
    let read = 0;
    for (let bytesRead = -1; read < end - start && bytesRead !== 0; read += bytesRead)
      ({ bytesRead } = await handle.read(buffer, read, end - start - read, start + read));
    for (let index = first; index <= last; index++) {
      const at = (places[index]?.offset ?? 0) - start;
      yield buffer.subarray(Math.min(at, read), Math.min(at + (places[index]?.bytes ?? 0), read));
    }
    first = last + 1;
  }
}

/** The last place from `first` on that lies after the one before it and ends within `stretchBytes` of the first. */
function lastInStretch(places: readonly BodyPlace[], first: number, stretchBytes: number): number {
  const start = places[first]?.offset ?? 0;
  let last = first;
  for (let next = first + 1; next < places.length; next++) {
    const place = places[next];
    if (place === undefined || place.offset < endOf(places[last]) || endOf(place) - start > stretchBytes) break;
    last = next;
  }
  return last;
}

function endOf(place: BodyPlace | undefined): number {
  return place === undefined ? 0 : place.offset + place.bytes;
}
