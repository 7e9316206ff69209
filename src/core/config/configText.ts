// Reads a small configuration file as text for the tolerant parsers: a missing file is normal, a binary or unreadable one is reported, nothing throws.
import { readFile, stat } from 'node:fs/promises';

export type ConfigText =
  | { readonly kind: 'missing' }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'unusable'; readonly reason: string };

/** Real configuration files are a few hundred bytes; anything this large is not one. */
const maxConfigBytes = 256 * 1024;

export async function readConfigText(path: string): Promise<ConfigText> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return { kind: 'unusable', reason: 'it is not a regular file' };
    if (info.size > maxConfigBytes) return { kind: 'unusable', reason: `it is larger than ${maxConfigBytes} bytes` };
    return decodeConfigBytes(await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    return { kind: 'unusable', reason: `it could not be read (${code ?? 'unknown error'})` };
  }
}

/** Decodes UTF-8 (with or without BOM) and, because Windows PowerShell writes it by default, UTF-16 with a BOM. */
export function decodeConfigBytes(bytes: Uint8Array): ConfigText {
  const text = decodeText(bytes);
  if (text === undefined) return { kind: 'unusable', reason: 'it is not UTF-8 text' };
  if (looksBinary(text)) return { kind: 'unusable', reason: 'it looks like a binary file' };
  return { kind: 'text', text };
}

function decodeText(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder('utf-16le').decode(swapByteOrder(bytes.subarray(2)));
  try {
    // ignoreBOM: false (the default) drops a leading UTF-8 BOM.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function swapByteOrder(bytes: Uint8Array): Uint8Array {
  const swapped = new Uint8Array(bytes.length - (bytes.length % 2));
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    swapped[i] = bytes[i + 1] ?? 0;
    swapped[i + 1] = bytes[i] ?? 0;
  }
  return swapped;
}

/** Control characters other than tab, line breaks and form feed do not occur in text configuration. */
function looksBinary(text: string): boolean {
  return /[\u0000-\u0008\u000e-\u001f\u007f]/.test(text);
}

/** Splits on any line ending (CRLF, LF, old Mac CR) after dropping a BOM that survived decoding. */
export function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}
