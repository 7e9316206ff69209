// Entry of the `sentry-insight` command (placeholder until the scan command lands).
process.stdout.write('sentry-insight: scan is coming\n');
