// Proves the CLI names the host a token goes to exactly when a file in the checkout chose that host.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { tokenDestinationNotice } from '../../../src/cli/tokenDestination';
import type { ResolvedConnection, SettingSource } from '../../../src/core/config';

const checkout = join('/', 'ci', 'checkout');

function connection(
  url: string,
  urlSource: SettingSource,
  token: string | undefined,
  tokenSource?: SettingSource,
): ResolvedConnection {
  return { url, token, sources: { url: urlSource, token: tokenSource }, warnings: [] };
}

describe('tokenDestinationNotice', () => {
  test("names the host, the checkout's file and the way out when .sentryclirc or sentry.properties chose the server", () => {
    for (const source of ['.sentryclirc', 'sentry.properties'] as const) {
      const notice = tokenDestinationNotice(
        connection('https://sentry.evil.example:8443/', source, 'secret-token', 'env'),
        checkout,
      );
      assert.equal(
        notice,
        `the auth token from SENTRY_AUTH_TOKEN is sent to sentry.evil.example:8443, the server named by ${join(checkout, source)} in the checkout; ` +
          'on a checkout you do not trust, name the server with --url or SENTRY_URL, or pass --no-checkout-config to read no sentry-cli file from it',
      );
    }
  });

  test('says where the token came from when it is not SENTRY_AUTH_TOKEN', () => {
    assert.match(
      tokenDestinationNotice(connection('https://a.example', '.sentryclirc', 't', '.sentryclirc'), checkout) ?? '',
      /from the checkout's \.sentryclirc is sent to a\.example/,
    );
    assert.match(
      tokenDestinationNotice(connection('https://a.example', 'sentry.properties', 't', '~/.sentryclirc'), checkout) ??
        '',
      /from ~\/\.sentryclirc is sent to a\.example/,
    );
  });

  test('never contains the token', () => {
    assert.doesNotMatch(
      tokenDestinationNotice(connection('https://a.example', '.sentryclirc', 'secret-token', 'env'), checkout) ?? '',
      /secret-token/,
    );
  });

  test('is silent when the server came from anywhere else, or no token is sent', () => {
    for (const source of ['option', 'env', '~/.sentryclirc', 'default'] as const) {
      assert.equal(
        tokenDestinationNotice(connection('https://a.example', source, 't', 'env'), checkout),
        undefined,
        source,
      );
    }
    assert.equal(
      tokenDestinationNotice(connection('http://127.0.0.1:8963', '.sentryclirc', undefined), checkout),
      undefined,
    );
  });
});
