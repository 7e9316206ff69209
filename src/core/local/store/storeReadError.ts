// Reading an event body back from the store's log can fail two ways: the bytes are not what was written there (something
// else changed the file while the server ran), or the event was let go and a rewrite dropped its body. Typed errors.

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

/**
 * An event's body was asked for after the store let the event go (past its limits) and a rewrite of the log dropped
 * the body: the event is gone, as if it had never been found.
 */
export class EventGoneError extends Error {
  readonly detail = 'The event is no longer in the local store: it was removed to keep the store within its limits.';

  constructor() {
    super('local store: an event let go past the limits was asked for after the log was rewritten');
    this.name = 'EventGoneError';
  }
}
