// Reads a request body within a size cap and decompresses gzip, deflate or brotli within a second cap (zip bombs).
import type { IncomingMessage } from 'node:http';
import type { Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { err, ok, type Result } from '../../result';
import { malformed, tooLarge, type IngestRejection } from '../envelope/ingestRejection';

export interface BodyLimits {
  readonly maxBodyBytes: number;
  readonly maxDecompressedBytes: number;
}

/** The body's bytes, decompressed as `Content-Encoding` says; a 413 past either cap, a 415 for an unknown encoding. */
export async function readRequestBody(
  request: IncomingMessage,
  limits: BodyLimits,
): Promise<Result<Buffer, IngestRejection>> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limits.maxBodyBytes) {
    drainBounded(request, 2 * limits.maxBodyBytes);
    return err(tooLarge(`request body is ${declared} bytes; the limit is ${limits.maxBodyBytes}`));
  }
  const encoding = (request.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  const decoder = decoderFor(encoding);
  if (decoder === 'unknown') {
    drainBounded(request, limits.maxBodyBytes);
    return err({ status: 415, detail: `unsupported content encoding "${encoding}"; use gzip, deflate or br` });
  }
  return collect(request, decoder, limits);
}

function decoderFor(encoding: string): Transform | undefined | 'unknown' {
  switch (encoding) {
    case '':
    case 'identity':
      return undefined;
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      return 'unknown';
  }
}

function collect(
  request: IncomingMessage,
  decoder: Transform | undefined,
  limits: BodyLimits,
): Promise<Result<Buffer, IngestRejection>> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let produced = 0;
    let settled = false;
    const finish = (result: Result<Buffer, IngestRejection>): void => {
      if (settled) return;
      settled = true;
      if (decoder) {
        request.unpipe(decoder);
        decoder.destroy();
      }
      // Drain what is left so that the connection can carry the answer.
      if (!result.ok) request.resume();
      resolve(result);
    };
    const output = decoder ?? request;
    request.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > limits.maxBodyBytes) finish(err(tooLarge(`request body exceeds ${limits.maxBodyBytes} bytes`)));
      // A refused body is drained so that the client reads the answer, but not without end.
      if (settled && received > 2 * limits.maxBodyBytes) request.destroy();
    });
    request.on('error', () => finish(err(malformed('the request body could not be read'))));
    output.on('data', (chunk: Buffer) => {
      if (settled) return;
      produced += chunk.length;
      if (produced > limits.maxDecompressedBytes) {
        finish(err(tooLarge(`decompressed body exceeds ${limits.maxDecompressedBytes} bytes`)));
        return;
      }
      chunks.push(chunk);
    });
    // A small body comes in one chunk: read as it is, not copied.
    output.on('end', () =>
      finish(ok(chunks.length === 1 && chunks[0] !== undefined ? chunks[0] : Buffer.concat(chunks))),
    );
    if (decoder) {
      decoder.on('error', () => finish(err(malformed('the request body is not valid for its Content-Encoding'))));
      request.pipe(decoder);
    }
  });
}

function drainBounded(request: IncomingMessage, maxBytes: number): void {
  let drained = 0;
  request.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > maxBytes) request.destroy();
  });
  request.resume();
}
