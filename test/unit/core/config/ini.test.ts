// Proves the .sentryclirc INI parser reads the odd formatting people write by hand.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseIni } from '../../../../src/core/config/ini';

function valueOf(text: string, section: string, key: string): string | undefined {
  return parseIni(text).sections.get(section)?.get(key);
}

describe('parseIni', () => {
  test('reads keys in sections with spaces around the separator', () => {
    const text = '[defaults]\nurl = https://sentry.example.com\norg=acme\n[auth]\ntoken =  abc123  \n';
    assert.equal(valueOf(text, 'defaults', 'url'), 'https://sentry.example.com');
    assert.equal(valueOf(text, 'defaults', 'org'), 'acme');
    assert.equal(valueOf(text, 'auth', 'token'), 'abc123');
  });

  test('handles CRLF and lone CR line endings and a BOM', () => {
    assert.equal(valueOf('\uFEFF[defaults]\r\norg=acme\r\nproject=web\r\n', 'defaults', 'project'), 'web');
    assert.equal(valueOf('[defaults]\rorg=acme\rproject=web', 'defaults', 'org'), 'acme');
  });

  test('skips # and ; comments, whole-line and after a value', () => {
    const text = '# comment\n; another\n[defaults] ; trailing\norg = acme # inline\nproject = web;not-a-comment\n';
    assert.equal(valueOf(text, 'defaults', 'org'), 'acme');
    assert.equal(valueOf(text, 'defaults', 'project'), 'web;not-a-comment');
    assert.deepEqual(parseIni(text).unreadableLines, []);
  });

  test('strips double or single quotes and keeps comment characters inside them', () => {
    const text = '[defaults]\norg = "acme"\nproject=\'web\'\nurl = "https://x.example/#frag" # c\n';
    assert.equal(valueOf(text, 'defaults', 'org'), 'acme');
    assert.equal(valueOf(text, 'defaults', 'project'), 'web');
    assert.equal(valueOf(text, 'defaults', 'url'), 'https://x.example/#frag');
  });

  test('accepts a colon separator and keeps colons inside the value', () => {
    assert.equal(valueOf('[defaults]\nurl: https://sentry.io:443\n', 'defaults', 'url'), 'https://sentry.io:443');
    assert.equal(valueOf('[defaults]\nurl=https://sentry.io:443\n', 'defaults', 'url'), 'https://sentry.io:443');
  });

  test('treats section and key names case-insensitively, indented lines included', () => {
    assert.equal(valueOf('  [Defaults]\n   ORG = acme\n', 'defaults', 'org'), 'acme');
  });

  test('lets the last duplicate key win and merges repeated sections', () => {
    const text = '[defaults]\norg=old\n[auth]\ntoken=t\n[defaults]\norg=new\nproject=p\n';
    assert.equal(valueOf(text, 'defaults', 'org'), 'new');
    assert.equal(valueOf(text, 'defaults', 'project'), 'p');
  });

  test('reports lines it cannot read by number and keeps going', () => {
    const doc = parseIni('[defaults]\nthis is garbage\norg=acme\n=novalue\n');
    assert.deepEqual(doc.unreadableLines, [2, 4]);
    assert.equal(doc.sections.get('defaults')?.get('org'), 'acme');
  });

  test('keeps keys before any section apart from [defaults]', () => {
    const doc = parseIni('org=loose\n[defaults]\nproject=p\n');
    assert.equal(doc.sections.get('')?.get('org'), 'loose');
    assert.equal(doc.sections.get('defaults')?.get('org'), undefined);
  });
});
