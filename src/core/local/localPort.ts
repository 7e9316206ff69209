// The local Sentry's well-known port on 127.0.0.1, shared by the editor and `sentry-insight serve` so each finds the other.
export const defaultLocalPort = 8963;
