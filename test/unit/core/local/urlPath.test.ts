// The path part of a script's URL or file path, by which uploaded source maps are matched to frames.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { urlPath } from '../../../../src/core/local/uploads/artifactBundles';

describe('urlPath', () => {
  test("gives a URL's path without its query or fragment", () => {
    assert.equal(urlPath('https://cdn.example/assets/main.js?v=3#x'), '/assets/main.js');
    assert.equal(urlPath('  http://localhost:5173/assets/app.js'), '/assets/app.js');
    assert.equal(urlPath('app:///dist/main.js'), '/dist/main.js');
  });

  test('gives a file path or a ~ path as it is, without query or fragment', () => {
    assert.equal(urlPath('/home/me/app/src/server.js'), '/home/me/app/src/server.js');
    assert.equal(urlPath('~/assets/main.js?v=1'), '/assets/main.js');
    assert.equal(urlPath('assets/main.js#frag'), 'assets/main.js');
    assert.equal(urlPath('//cdn.example/main.js'), '//cdn.example/main.js');
  });
});
