// Proves the one loopback rule: 127.0.0.0/8, ::1, localhost and *.localhost are this machine, nothing else is, and the
// token rule (URLs) and the local server's Host and Origin guard agree on every address.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isLoopbackHostname, isLoopbackUrl } from '../../../../src/core/local/loopback';
import { isAllowedOrigin, isLoopbackHost } from '../../../../src/core/local/server/loopbackGuard';

const loopback = [
  '127.0.0.1',
  '127.0.0.2',
  '127.255.255.255',
  'localhost',
  'LocalHost',
  'app.localhost',
  'a.b.localhost',
  '[::1]',
];
const elsewhere = [
  '127.0.0.256',
  '128.0.0.1',
  '10.0.0.1',
  '0.0.0.0',
  'localhost.example.com',
  'notlocalhost',
  'example.com',
  '[::2]',
  'sentry.io',
];

test('host names of 127.0.0.0/8, ::1, localhost and *.localhost are loopback, others are not', () => {
  for (const name of loopback) assert.equal(isLoopbackHostname(name), true, name);
  assert.equal(isLoopbackHostname('::1'), true, 'bare ::1');
  for (const name of elsewhere) assert.equal(isLoopbackHostname(name), false, name);
});

test('URLs, Host headers and Origins follow the same rule', () => {
  for (const name of [...loopback, ...elsewhere]) {
    const expected = isLoopbackHostname(name);
    assert.equal(isLoopbackUrl(`http://${name}:9000/api/0/`), expected, `URL ${name}`);
    assert.equal(isLoopbackHost(`${name}:8963`), expected, `Host ${name}:8963`);
    assert.equal(isLoopbackHost(name), expected, `Host ${name}`);
    assert.equal(isAllowedOrigin(`http://${name}:3000`, []), expected, `Origin ${name}`);
  }
});

test('a URL spelled differently but naming loopback counts, and text that is not a URL does not', () => {
  assert.equal(isLoopbackUrl('http://127.1:8963'), true, 'short IPv4 form');
  assert.equal(isLoopbackUrl('http://[0:0:0:0:0:0:0:1]:8963'), true, 'long IPv6 form');
  assert.equal(isLoopbackUrl('not a url'), false);
});
