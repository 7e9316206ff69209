// Proves event text cannot escape into Markdown syntax in a hover: no link, image, HTML, entity, code, emphasis,
// bare URL, `command:` URI or theme icon can come out of a title, however hostile.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { commandLink, commandUri, escapeMarkdown } from '../../../../src/core/format/markdownText';
import { propertyRuns } from '../../../support/propertyRuns';

const asciiPunctuation = /[!-/:-@[-`{-~]/;

/**
 * The text VS Code shows for a string, if it is inert: backslash escapes and escaped theme icons resolved. Fails the test at the first ASCII
 * punctuation character that is not escaped, since every Markdown construct (and GFM's bare-URL links) needs one.
 */
function inertText(markdown: string): string {
  let shown = '';
  for (let index = 0; index < markdown.length; index++) {
    const char = markdown[index] as string;
    const icon = /^\\\$\([A-Za-z0-9~-]+\)/.exec(markdown.slice(index));
    if (icon) {
      // VS Code's escaped theme icon: shown as the literal `$(name)`.
      shown += icon[0].slice(1);
      index += icon[0].length - 1;
    } else if (char === '\\') {
      const next = markdown[index + 1] ?? '';
      assert.match(next, asciiPunctuation, `lone backslash at ${String(index)} in ${markdown}`);
      shown += next;
      index++;
    } else {
      assert.doesNotMatch(char, asciiPunctuation, `unescaped ${char} at ${String(index)} in ${markdown}`);
      assert.doesNotMatch(char, /[\r\n]/, `line break in ${markdown}`);
      shown += char;
    }
  }
  return shown;
}

const hostileTitles = [
  '[x](command:evil)',
  '[click](command:sentryInsight.resolve?%5B%2242%22%5D)',
  '![img](https://evil.example/x.png)',
  '<img src=x onerror=alert(1)>',
  '<a href="command:workbench.action.terminal.new">open</a>',
  '<!-- hidden --> visible',
  '`code` and ```fence```',
  '**bold** _em_ ~~strike~~',
  '# Heading',
  '&lt;script&gt; &#x3C;b&#x3E;',
  'see https://evil.example/login or www.evil.example or evil@example.com',
  '<https://evil.example>',
  '[ref]: https://evil.example\n[ref]',
  'a\\[x](command:evil)',
  '| table | row |',
];

test('shows hostile titles as the same plain text', () => {
  for (const title of hostileTitles) {
    assert.equal(inertText(escapeMarkdown(title)), title.replace(/\n/g, ' '), title);
  }
});

test('turns a markdown link title into escaped brackets', () => {
  assert.equal(escapeMarkdown('[x](command:evil)'), '\\[x\\]\\(command\\:evil\\)');
});

test('turns HTML and comments into escaped text', () => {
  assert.equal(escapeMarkdown('<img src=x onerror=alert(1)>'), '\\<img src\\=x onerror\\=alert\\(1\\)\\>');
  assert.equal(escapeMarkdown('<!-- x -->'), '\\<\\!\\-\\- x \\-\\-\\>');
});

test('keeps a theme icon in event text literal ($(…) shown as typed)', () => {
  // VS Code's own escape (escapeIcons): a backslash before the `$` only, which its renderer keeps as the literal text.
  assert.equal(escapeMarkdown('$(zap) boom'), '\\$(zap) boom');
  assert.equal(escapeMarkdown('[$(sync~spin)](x)'), '\\[\\$(sync~spin)\\]\\(x\\)');
  assert.equal(escapeMarkdown('cost $(5'), 'cost \\$\\(5');
});

test('shows bidi overrides and other controls as placeholders, so nothing reorders the hover', () => {
  assert.equal(escapeMarkdown('abc\u202edef\u2066x\u0007'), 'abc\ufffddef\ufffdx\ufffd');
});

test('puts a title on one line', () => {
  assert.equal(escapeMarkdown('first\r\n\nsecond\u2028third'), 'first second third');
});

test('leaves no Markdown syntax in any text', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), (text) => {
      inertText(escapeMarkdown(text));
    }),
    { numRuns: propertyRuns(2000) },
  );
});

test('shows any text without icons exactly, line breaks aside', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme-ascii' }), (text) => {
      fc.pre(!/\$\(/.test(text));
      assert.equal(
        inertText(escapeMarkdown(text)),
        text.replace(/[\r\n]+/g, ' ').replace(/[\u0000-\u001f\u007f]/g, (char) => (char === '\t' ? ' ' : '\ufffd')),
      );
    }),
    { numRuns: propertyRuns(2000) },
  );
});

test('encodes command arguments so nothing can close the link', () => {
  const uri = commandUri('sentryInsight.resolve', ['1) [x](command:evil']);
  assert.equal(uri, 'command:sentryInsight.resolve?%5B%221%29%20%5Bx%5D%28command%3Aevil%22%5D');
  assert.deepEqual(JSON.parse(decodeURIComponent(uri.slice(uri.indexOf('?') + 1))), ['1) [x](command:evil']);
  assert.doesNotMatch(uri, /[()[\]\s"']/);
});

test('builds a command link from our label', () => {
  assert.equal(
    commandLink('$(check) Resolve', 'sentryInsight.resolve', ['42']),
    '[$(check) Resolve](command:sentryInsight.resolve?%5B%2242%22%5D)',
  );
});
