// The file parts of a multipart/form-data body (what sentry-cli's chunk upload posts): each part's field name,
// filename and bytes. Bounded by the body it reads; a malformed body yields no parts rather than an exception.

export interface FormFile {
  readonly field: string;
  readonly filename: string;
  readonly data: Buffer;
}

export function boundaryOf(contentType: string | undefined): string | undefined {
  const match = /^multipart\/form-data\s*;.*\bboundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  return match?.[1] ?? match?.[2];
}

export function multipartFiles(body: Buffer, boundary: string): FormFile[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const files: FormFile[] = [];
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const partStart = at + delimiter.length;
    // `--` after the delimiter closes the body.
    if (body.subarray(partStart, partStart + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, partStart);
    if (next < 0) break;
    const part = body.subarray(partStart + 2, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd >= 0) {
      const headers = part.subarray(0, headerEnd).toString('utf8');
      const field = /\bname="([^"]*)"/i.exec(headers)?.[1];
      const filename = /\bfilename="([^"]*)"/i.exec(headers)?.[1];
      if (field !== undefined && filename !== undefined)
        files.push({ field, filename, data: Buffer.from(part.subarray(headerEnd + 4)) });
    }
    at = next;
  }
  return files;
}
