// An event body read back from the store's log is not what was written there: something else changed the file while
// the server ran. A typed error whose message says so and what to do.

/** An event body is no longer where the store wrote it, or not as written: the file was changed by something else. */
export class StoreReadError extends Error {
  /** What an API answer says, short enough for a client to show whole (the path and offsets go to the log). */
  readonly detail =
    "The local Sentry's store file changed under the server, so this event cannot be read. Restart the server.";

  constructor(path: string, place: { readonly offset: number; readonly bytes: number }) {
    super(
      `The local Sentry store ${path} changed under the server: the ${place.bytes.toLocaleString('en-US')} bytes ` +
        `at ${place.offset.toLocaleString('en-US')} are not the event written there. ` +
        'Restart the server: it checks the file and reports what it cannot read.',
    );
    this.name = 'StoreReadError';
  }
}
