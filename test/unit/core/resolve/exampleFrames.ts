// Frames copied from the reference payloads in shared/reference/sentry-api/examples/ (only the fields the resolver reads).
import type { SourceFrame } from '../../../../src/core/resolve/frame';

/** oss-sentry-22.event-api.python_zero_division.json: the application frame (the last, where 0/0 raised). */
export const pythonViewFrame: SourceFrame = {
  filename: 'errors/views.py',
  absPath: '/code/errors/views.py',
  module: 'errors.views',
  function: 'get',
  lineNo: 18,
  colNo: null,
  inApp: false,
  platform: null,
  context: [
    [13, '    template_name = "home.html"'],
    [14, ''],
    [15, ''],
    [16, 'class DivideZeroView(View):'],
    [17, '    def get(self, request, *args, **kwargs):'],
    [18, '        0/0'],
    [19, ''],
    [20, ''],
    [21, 'class DatabaseErrorView(View):'],
    [22, '    def get(self, request, *args, **kwargs):'],
    [23, '        User.objects.get(id="9999999")'],
  ],
};

/** The same event: a Django frame under site-packages. */
export const pythonDjangoFrame: SourceFrame = {
  filename: 'django/core/handlers/base.py',
  absPath: '/usr/local/lib/python3.8/site-packages/django/core/handlers/base.py',
  module: 'django.core.handlers.base',
  function: '_get_response',
  lineNo: 113,
  colNo: null,
  inApp: false,
  platform: null,
  context: [[113, '                response = wrapped_callback(request, *callback_args, **callback_kwargs)']],
};

/** The contents of errors/views.py as the frame's context shows them (lines 1 to 12 are not in the event). */
export const pythonViewsSource = [
  'from django.contrib.auth.models import User',
  'from django.views.generic import TemplateView, View',
  '',
  '',
  'class HomeView(TemplateView):',
  '    pass',
  '',
  '',
  '',
  '',
  '',
  'class IndexView(TemplateView):',
  '    template_name = "home.html"',
  '',
  '',
  'class DivideZeroView(View):',
  '    def get(self, request, *args, **kwargs):',
  '        0/0',
  '',
  '',
  'class DatabaseErrorView(View):',
  '    def get(self, request, *args, **kwargs):',
  '        User.objects.get(id="9999999")',
  '',
].join('\n');

/** oss-sentry-22.event-api.small_js_error_source.json: the source-mapped frame as old self-hosted Sentry returns it. */
export const webpackSourceMappedFrame: SourceFrame = {
  filename: 'webpack://small-js-error-factory/./src/index.ts',
  absPath: 'webpack://small-js-error-factory/./src/index.ts',
  module: 'src/index',
  function: null,
  lineNo: 6,
  colNo: 13,
  inApp: false,
  platform: null,
  context: [
    [1, 'import * as Sentry from "@sentry/browser";'],
    [2, ''],
    [3, 'Sentry.init({"dsn": "http://a00ad5cad416418684270e433baf9c77@172.17.0.1:8000/4", "release": "1.0"});'],
    [4, ''],
    [5, 'let foo = "bar";'],
    [6, 'throw Error("this is an error");'],
    [7, 'console.log(foo);'],
    [8, ''],
  ],
};

/** The same event's rawStacktrace: the minified browser bundle frame, before source maps. */
export const minifiedBundleFrame: SourceFrame = {
  filename: '/dist/bundle.js',
  absPath: 'http://localhost:8080/dist/bundle.js',
  module: null,
  function: null,
  lineNo: 2,
  colNo: 74022,
  inApp: false,
  platform: null,
  context: [
    [1, '/*! For license information please see bundle.js.LICENSE.txt */'],
    [
      2,
      '{snip} ,(()=>{throw n(185).init({dsn:"http://a00ad5cad416418684270e433baf9c77@172.17.0.1:8000/4",release:"1.0"}),Error("this is an error")})()})();',
    ],
    [3, '//# sourceMappingURL=bundle.js.map'],
  ],
};

/** sentry-mcp.event-javascript-cloudflare.json: a Cloudflare Worker frame in the deployed bundle. */
export const cloudflareWorkerFrame: SourceFrame = {
  filename: 'index.js',
  absPath: '/index.js',
  module: 'index',
  function: 'Object.fetch',
  lineNo: 19631,
  colNo: 28,
  inApp: true,
  platform: null,
  context: [],
};

/** oss-sentry-22.event-api.js_error_with_context.json: a dev-server frame with no source map applied. */
export const devServerFrame: SourceFrame = {
  filename: '/polyfills.js',
  absPath: 'http://localhost:4201/polyfills.js',
  module: 'polyfills',
  function: 'globalZoneAwareCallback',
  lineNo: 1660,
  colNo: 31,
  inApp: false,
  platform: null,
  context: [],
};

/** sentry-openapi.issue-event-javascript.json: a dependency frame of Sentry's own front end. */
export const nodeModulesFrame: SourceFrame = {
  filename: '/usr/src/getsentry/src/sentry/node_modules/@sentry/browser/esm/helpers.js',
  absPath: 'webpack:////usr/src/getsentry/src/sentry/node_modules/@sentry/browser/esm/helpers.js',
  module: 'usr/src/getsentry/src/sentry/node_modules/@sentry/browser/esm/helpers',
  function: 'ignoreOnError',
  lineNo: 71,
  colNo: 23,
  inApp: false,
  platform: null,
  context: [[71, '            return fn.apply(this, wrappedArguments);']],
};
