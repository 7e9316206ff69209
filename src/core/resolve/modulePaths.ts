// Derives file paths from a frame's module name, for platforms whose frames name modules better than files.
import { jvmPlatforms } from '../platforms';

export type ModulePlatform = 'python' | 'jvm';

const DOTTED_NAME = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;

/** The module platform of a frame: its own `platform`, else the event's, else guessed from the file extension. */
export function modulePlatform(
  platform: string | null | undefined,
  filename: string | null | undefined,
): ModulePlatform | undefined {
  const name = platform?.toLowerCase();
  if (name === 'python') return 'python';
  if (name !== undefined && jvmPlatforms.has(name)) return 'jvm';
  if (name !== undefined && name !== '' && name !== 'other') return undefined;
  if (filename?.endsWith('.py')) return 'python';
  if (/\.(java|kt|kts|scala|groovy)$/.test(filename ?? '')) return 'jvm';
  return undefined;
}

/** Python: `app.views` is `app/views.py` or the package `app/views/__init__.py`. */
export function pythonModulePaths(module: string): string[] {
  if (!DOTTED_NAME.test(module) || module === '__main__') return [];
  const base = module.split('.').join('/');
  return [`${base}.py`, `${base}/__init__.py`];
}

/**
 * JVM: `com.example.app.MainActivity$Inner` lives in `com/example/app/`. When the frame has a bare file name
 * (`MainActivity.kt`, or `Utils.kt` for the class `UtilsKt`), that name replaces the class, as Sentry's munging does;
 * then the class name with `.java` and `.kt` follows.
 */
export function jvmModulePaths(module: string, filename: string | null | undefined): string[] {
  const outerClass = module.split('$')[0] ?? '';
  if (!DOTTED_NAME.test(outerClass)) return [];
  const parts = outerClass.split('.');
  const className = parts.pop() ?? '';
  const directory = parts.map((part) => `${part}/`).join('');
  const paths: string[] = [];
  if (filename && !/[\\/]/.test(filename) && /^[\w$-]+\.\w+$/.test(filename)) paths.push(`${directory}${filename}`);
  for (const extension of ['.java', '.kt']) {
    const path = `${directory}${className}${extension}`;
    if (!paths.includes(path)) paths.push(path);
  }
  return paths;
}

export function modulePaths(platform: ModulePlatform, module: string, filename: string | null | undefined): string[] {
  return platform === 'python' ? pythonModulePaths(module) : jvmModulePaths(module, filename);
}
