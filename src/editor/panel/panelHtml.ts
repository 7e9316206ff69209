// The issue panel's HTML: a strict Content-Security-Policy (nothing but our own style sheet and one script carrying this
// load's nonce), the bundled page script, and the issue id in an escaped data attribute. No vscode import: tested in Node.

export interface PanelHtmlInput {
  /** `webview.cspSource`: the origin VS Code serves `asWebviewUri` resources from. */
  readonly cspSource: string;
  readonly nonce: string;
  /** `asWebviewUri` of dist/webview.js and media/panel.css, as strings. */
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly issueId: string;
}

const nonceShape = /^[A-Za-z0-9+/_-]{16,}={0,2}$/;
// A source list must not end the directive or the attribute it sits in.
const unsafeCspSource = /[;"'<>\s\n]/;
// Quoted keywords VS Code itself puts in `cspSource` (code-server sends `'self' https://*.vscode-cdn.net`).
const cspKeywords = new Set(["'self'"]);

function escapeAttribute(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    `default-src 'none'`,
    `style-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
  ].join('; ');
}

export function panelHtml(input: PanelHtmlInput): string {
  if (!nonceShape.test(input.nonce)) throw new Error('panelHtml: the nonce must be at least 16 base64 characters');
  if (
    input.cspSource
      .split(' ')
      .some((source) => source === '' || (!cspKeywords.has(source) && unsafeCspSource.test(source)))
  ) {
    throw new Error('panelHtml: unexpected characters in the webview CSP source');
  }
  const csp = contentSecurityPolicy(input.cspSource, input.nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttribute(input.styleUri)}">
<title>Sentry Issue</title>
</head>
<body data-issue-id="${escapeAttribute(input.issueId)}">
<div id="root"></div>
<script nonce="${escapeAttribute(input.nonce)}" src="${escapeAttribute(input.scriptUri)}"></script>
</body>
</html>
`;
}
