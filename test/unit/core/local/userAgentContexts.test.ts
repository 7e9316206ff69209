// The browser, OS and device contexts derived from a User-Agent: named as Sentry names them, and each event given
// objects of its own though the answer for a User-Agent is remembered.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { userAgentContexts } from '../../../../src/core/local/process/userAgentContexts';

const CHROME_ON_LINUX =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const SAFARI_ON_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';

describe('User-Agent contexts', () => {
  test('name the browser, system and device as Sentry does', () => {
    assert.deepEqual(userAgentContexts(CHROME_ON_LINUX), {
      browser: { name: 'Chrome', version: '131.0.0', type: 'browser' },
      os: { name: 'Linux', type: 'os' },
    });
    assert.deepEqual(userAgentContexts(SAFARI_ON_IPHONE), {
      browser: { name: 'Mobile Safari', version: '17.4', type: 'browser' },
      os: { name: 'iOS', version: '17.4', type: 'os' },
      device: { family: 'iPhone', model: 'iPhone', brand: 'Apple', type: 'device' },
    });
  });

  test('give each event its own objects, unchanged by what an earlier event did to its own', () => {
    const first = userAgentContexts(SAFARI_ON_IPHONE);
    assert.ok(first.browser && first.device);
    first.browser['name'] = 'changed';
    first.device['model'] = 'changed';
    const second = userAgentContexts(SAFARI_ON_IPHONE);
    assert.equal(second.browser?.['name'], 'Mobile Safari');
    assert.equal(second.device?.['model'], 'iPhone');
    assert.notEqual(second.browser, first.browser);
  });

  test('read only the first 1,000 characters of a longer User-Agent, every time', () => {
    const long = `${CHROME_ON_LINUX}${' '.repeat(2_000)}Firefox/1.0`;
    assert.deepEqual(userAgentContexts(long), userAgentContexts(CHROME_ON_LINUX));
    assert.deepEqual(userAgentContexts(long), userAgentContexts(CHROME_ON_LINUX));
  });
});
