// Proves the panel's HTML: a strict CSP with this load's nonce, no inline script, nothing loaded from anywhere but the
// given webview resources, the issue id escaped in its data attribute, and a fresh nonce per load.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createNonce } from '../../../../src/editor/panel/nonce';
import { panelHtml, type PanelHtmlInput } from '../../../../src/editor/panel/panelHtml';

const input: PanelHtmlInput = {
  cspSource: 'https://*.vscode-cdn.net',
  nonce: 'bm9uY2Utbm9uY2Utbm9uY2U=',
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.js',
  styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/panel.css',
  issueId: '6507376925',
};

function cspOf(html: string): string {
  const match = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(match?.[1], 'the page has a CSP meta tag');
  return match[1].replace(/&#39;/g, "'");
}

describe('panel HTML', () => {
  test('allows only our style sheet and the script carrying this nonce', () => {
    const csp = cspOf(panelHtml(input))
      .split(';')
      .map((directive) => directive.trim());
    assert.deepEqual(csp, [
      "default-src 'none'",
      'style-src https://*.vscode-cdn.net',
      `script-src 'nonce-${input.nonce}'`,
      'img-src https://*.vscode-cdn.net data:',
      'font-src https://*.vscode-cdn.net',
    ]);
    assert.ok(!/unsafe-(inline|eval)/.test(csp.join(';')));
  });

  test('has one script, from the bundle, with the nonce and no inline code', () => {
    const html = panelHtml(input);
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.equal(scripts.length, 1);
    assert.equal(scripts[0]?.[1], ` nonce="${input.nonce}" src="${input.scriptUri}"`);
    assert.equal(scripts[0]?.[2], '');
    assert.ok(!/\son[a-z]+=/i.test(html), 'no inline event handlers');
    assert.ok(!/style=/i.test(html), 'no inline styles');
  });

  test('names no address except the given webview resources', () => {
    const html = panelHtml(input);
    const addresses = [...html.matchAll(/[a-z][a-z0-9+.-]*:\/\/[^\s"'<>;]+/gi)].map((match) => match[0]);
    assert.ok(addresses.length > 0);
    for (const address of addresses)
      assert.ok([input.cspSource, input.scriptUri, input.styleUri].includes(address), address);
  });

  test('escapes a hostile issue id in its data attribute', () => {
    const html = panelHtml({ ...input, issueId: '"><script>alert(1)</script>' });
    assert.ok(html.includes('data-issue-id="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"'));
    assert.equal([...html.matchAll(/<script/g)].length, 1);
  });

  test('refuses a malformed nonce or a CSP source that would end its directive', () => {
    assert.throws(() => panelHtml({ ...input, nonce: "abc' 'unsafe-inline" }));
    assert.throws(() => panelHtml({ ...input, nonce: 'short' }));
    assert.throws(() => panelHtml({ ...input, cspSource: "https://x; script-src 'unsafe-inline'" }));
    assert.throws(() => panelHtml({ ...input, cspSource: "'unsafe-inline' https://x" }));
  });

  test("accepts the 'self' keyword code-server puts in the webview's CSP source", () => {
    const html = panelHtml({ ...input, cspSource: "'self' https://*.vscode-cdn.net" });
    assert.ok(cspOf(html).includes("style-src 'self' https://*.vscode-cdn.net"));
  });

  test('gets a fresh nonce for each load', () => {
    const nonces = new Set(Array.from({ length: 20 }, () => createNonce()));
    assert.equal(nonces.size, 20);
    for (const nonce of nonces) {
      const html = panelHtml({ ...input, nonce });
      assert.ok(cspOf(html).includes(`'nonce-${nonce}'`));
    }
  });
});
