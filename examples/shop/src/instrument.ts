// Starts the Sentry SDK before anything else runs. The DSN points at the local Sentry that Sentry Insight runs in the
// editor (or `sentry-insight serve` in a terminal); set SENTRY_DSN to send the errors to a real Sentry instead.
import * as Sentry from '@sentry/node';

Sentry.init({
  dsn: process.env['SENTRY_DSN'] ?? 'http://local@127.0.0.1:8963/1',
  // The editor finds the same release in package.json (name@version), so it shows the errors of this very build.
  release: 'shop@1.0.0',
  environment: 'development',
});
