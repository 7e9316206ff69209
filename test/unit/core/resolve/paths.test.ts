// Frame path normalisation: the file names of real Sentry events become plain relative paths.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isThirdPartyFramePath, normalizeFramePath } from '../../../../src/core/resolve/paths';

describe('normalizeFramePath', () => {
  const cases: ReadonlyArray<readonly [string, string | undefined]> = [
    // Old self-hosted Sentry (oss-sentry-22 small_js_error_source) and current Sentry's rewriting of the same source.
    ['webpack://small-js-error-factory/./src/index.ts', 'src/index.ts'],
    ['./src/index.ts', 'src/index.ts'],
    ['webpack:///./app/a.tsx', 'app/a.tsx'],
    ['webpack-internal:///./src/App.jsx', 'src/App.jsx'],
    ['webpack:////usr/src/getsentry/src/sentry/static/app.tsx', 'usr/src/getsentry/src/sentry/static/app.tsx'],
    ['webpack://ns/~/lib/x.js', 'lib/x.js'],
    ['~/src/x.ts', 'src/x.ts'],
    ['app:///_next/server/pages/_error.js', '_next/server/pages/_error.js'],
    // Browser bundle (sdk-ingest small_js_error_source) and dev server (js_error_with_context).
    ['http://localhost:8080/dist/bundle.js', 'dist/bundle.js'],
    ['http://localhost:4201/polyfills.js', 'polyfills.js'],
    ['https://example.com/static/js/main.3f2a.js?v=3#frag', 'static/js/main.3f2a.js'],
    ['/static/js/main.js?cache=1', 'static/js/main.js'],
    // Cloudflare Worker (sentry-mcp event).
    ['index.js', 'index.js'],
    ['/index.js', 'index.js'],
    ['file:///home/ci/app/dist/server.js', 'home/ci/app/dist/server.js'],
    ['file:///C:/work/app/server.js', 'work/app/server.js'],
    ['C:\\src\\App\\Program.cs', 'src/App/Program.cs'],
    ['\\\\server\\share\\x.cs', 'server/share/x.cs'],
    ['/code/errors/views.py', 'code/errors/views.py'],
    ['../../src/x.ts', 'src/x.ts'],
    ['src/a/../b/./c.ts', 'src/b/c.ts'],
    ['../../../../etc/passwd', 'etc/passwd'],
    ['http://host/a/%2E%2E/%2E%2E/b.js', 'b.js'],
    ['http://host/my%20file.js', 'my file.js'],
    ['package:my_app/src/widget.dart', 'src/widget.dart'],
    ['./app/[slug]/page.tsx', 'app/[slug]/page.tsx'],
    ['./[id].tsx', '[id].tsx'],
    ['<anonymous>', undefined],
    ['[native code]', undefined],
    ['<frozen importlib._bootstrap>', undefined],
    ['node:internal/process/task_queues', undefined],
    ['node:fs', undefined],
    ['data:text/javascript,alert(1)', undefined],
    ['', undefined],
    ['   ', undefined],
    ['/', undefined],
    ['..', undefined],
    ['http://localhost:8080/', undefined],
  ];
  for (const [raw, expected] of cases) {
    test(`${JSON.stringify(raw)} becomes ${JSON.stringify(expected)}`, () => {
      assert.equal(normalizeFramePath(raw), expected);
    });
  }
});

describe('isThirdPartyFramePath', () => {
  test('recognises dependency folders and runtime internals in either path', () => {
    assert.equal(
      isThirdPartyFramePath('webpack:////usr/src/getsentry/src/sentry/node_modules/@sentry/browser/esm/helpers.js'),
      true,
    );
    assert.equal(isThirdPartyFramePath('/usr/local/lib/python3.8/site-packages/django/core/handlers/base.py'), true);
    assert.equal(isThirdPartyFramePath('/usr/lib/python3/dist-packages/requests/api.py'), true);
    assert.equal(isThirdPartyFramePath('webpack:///../node_modules/p/x.js'), true);
    assert.equal(isThirdPartyFramePath('C:\\app\\node_modules\\x\\index.js'), true);
    assert.equal(isThirdPartyFramePath('node:internal/modules/cjs/loader'), true);
  });

  test('does not flag application paths', () => {
    assert.equal(isThirdPartyFramePath('/code/errors/views.py'), false);
    assert.equal(isThirdPartyFramePath('webpack://small-js-error-factory/./src/index.ts'), false);
    assert.equal(isThirdPartyFramePath('src/node_modules_helper.ts'), false);
  });
});
