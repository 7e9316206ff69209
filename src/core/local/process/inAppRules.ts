// Which frames are the application's own by default: not dependencies (node_modules, site-packages) and not runtime
// internals (`node:fs`, `internal/…`, `<anonymous>`), as Sentry's built-in stack trace rules decide for JS and Python.
import { isThirdPartyFramePath } from '../../resolve/paths';
import type { ApiFrame } from './apiFrame';

const RUNTIME_INTERNAL = /^(?:node:|internal[/\\]|<|\[native code\]|native$)/;

export function isRuntimeOrDependency(frame: Pick<ApiFrame, 'filename' | 'absPath' | 'module'>): boolean {
  const paths = [frame.filename, frame.absPath].filter(
    (path): path is string => typeof path === 'string' && path !== '',
  );
  if (paths.some((path) => isThirdPartyFramePath(path) || RUNTIME_INTERNAL.test(path.trim()))) return true;
  return typeof frame.module === 'string' && frame.module.startsWith('node:');
}

/**
 * The SDK's verdict, except that dependencies and internals are never in-app. Without a verdict, a frame that names a
 * file or module is in-app, one that names nothing (an anonymous or native frame) is not; but a Python frame is not:
 * the Python SDK marks the project's own frames (those under its project root, the working directory by default) and
 * leaves the standard library's unmarked, which Sentry then counts as not in-app.
 */
export function inAppOf(frame: ApiFrame, sdkVerdict: boolean | undefined, eventPlatform?: string): boolean {
  if (isRuntimeOrDependency(frame)) return false;
  if (sdkVerdict !== undefined) return sdkVerdict;
  if ((frame.platform ?? eventPlatform) === 'python') return false;
  return Boolean(frame.filename || frame.absPath || frame.module);
}
