// Proves organization auth tokens are recognized and their organization read, whatever shape the payload has.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readOrgAuthToken } from '../../../../src/core/config/orgAuthToken';
import { makeOrgToken } from './orgTokenFixture';

describe('readOrgAuthToken', () => {
  test('reads the org of a token shaped like the ones Sentry issues', () => {
    const token = makeOrgToken({
      iat: 1700000000.5,
      url: 'https://sentry.io',
      region_url: 'https://us.sentry.io',
      org: 'acme',
    });
    assert.deepEqual(readOrgAuthToken(token), { org: 'acme' });
  });

  test('accepts an old token whose url is null', () => {
    assert.deepEqual(
      readOrgAuthToken(makeOrgToken({ iat: 1, url: null, region_url: 'https://us.sentry.io', org: 'acme' })),
      { org: 'acme' },
    );
  });

  test('still recognizes an org token whose payload is unreadable', () => {
    assert.deepEqual(readOrgAuthToken('sntrys_!!!notbase64_secret'), {});
    assert.deepEqual(readOrgAuthToken(`sntrys_${Buffer.from('[1,2]').toString('base64')}_x`), {});
  });

  test('says nothing about user tokens and other tokens', () => {
    assert.equal(readOrgAuthToken(`sntryu_${'a'.repeat(64)}`), undefined);
    assert.equal(readOrgAuthToken('0123456789abcdef'), undefined);
  });
});
