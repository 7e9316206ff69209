// The `WWW-Authenticate` challenge of the local Sentry's 401s, shared by the server that sends it and the client that
// reads it: it says the token wanted is a local Sentry's per-install one (its `local-api-token` file), not a Sentry
// auth token, so the message can say so without guessing from the URL.
export const LOCAL_AUTH_CHALLENGE = 'Bearer realm="sentry-insight local"';
