// Proves the sentry.properties parser follows the Java properties format, odd corners included.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseJavaProperties } from '../../../../src/core/config/javaProperties';

function entries(text: string): ReadonlyMap<string, string> {
  return parseJavaProperties(text).entries;
}

describe('parseJavaProperties', () => {
  test('reads =, : and whitespace separators', () => {
    const map = entries('defaults.org=acme\ndefaults.project : web\nauth.token   tok\n');
    assert.equal(map.get('defaults.org'), 'acme');
    assert.equal(map.get('defaults.project'), 'web');
    assert.equal(map.get('auth.token'), 'tok');
  });

  test('skips # and ! comments and blank lines, with CRLF and a BOM', () => {
    const map = entries('\uFEFF# comment\r\n! other\r\n\r\n  defaults.org = acme\r\n');
    assert.deepEqual([...map.entries()], [['defaults.org', 'acme']]);
  });

  test('keeps the escaped colon of a URL written the Java way', () => {
    assert.equal(
      entries('defaults.url=https\\://sentry.example.com\n').get('defaults.url'),
      'https://sentry.example.com',
    );
  });

  test('joins continuation lines and drops their leading whitespace', () => {
    assert.equal(entries('auth.token=abc\\\n    def\\\n\tghi\nnext=1\n').get('auth.token'), 'abcdefghi');
  });

  test('does not continue a line that ends in an escaped backslash', () => {
    const map = entries('a=x\\\\\nb=y\n');
    assert.equal(map.get('a'), 'x\\');
    assert.equal(map.get('b'), 'y');
  });

  test('decodes unicode escapes and reports a broken one by line', () => {
    assert.equal(entries('defaults.org=\\u0061cme\n').get('defaults.org'), 'acme');
    const doc = parseJavaProperties('defaults.org=acme\ndefaults.project=\\u12\n');
    assert.deepEqual(doc.unreadableLines, [2]);
    assert.equal(doc.entries.get('defaults.org'), 'acme');
  });

  test('strips surrounding quotes and trailing spaces, and ignores key case', () => {
    const map = entries('Defaults.Org = "acme"   \ndefaults.project=\'web\'\n');
    assert.equal(map.get('defaults.org'), 'acme');
    assert.equal(map.get('defaults.project'), 'web');
  });

  test('does not treat a # inside a value as a comment', () => {
    assert.equal(entries('auth.token=ab#cd\n').get('auth.token'), 'ab#cd');
  });
});
