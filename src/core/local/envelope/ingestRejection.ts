// Why an ingest request was refused, as the HTTP status and `{"detail"}` text Relay would answer with.

export interface IngestRejection {
  /** 400 malformed, 401 no DSN key, 403 origin, 404 path, 413 over a limit, 415 unknown encoding. */
  readonly status: 400 | 401 | 403 | 404 | 405 | 413 | 415;
  readonly detail: string;
}

export function malformed(detail: string): IngestRejection {
  return { status: 400, detail };
}

export function tooLarge(detail: string): IngestRejection {
  return { status: 413, detail };
}
