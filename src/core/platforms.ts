// The SDK platforms whose stack frames name their code by module, in one place: grouping (frameComponent), an issue's
// culprit (eventTitle) and the module-to-path resolver (modulePaths) all ask here, so they cannot disagree.

/** JVM languages, by Sentry's platform names: a frame's module is a dotted class name and paths follow its package. */
export const jvmPlatforms: ReadonlySet<string> = new Set(['java', 'kotlin', 'scala', 'groovy', 'clojure', 'android']);

/** Platforms whose frames' `module` names the code better than their file (JavaScript's module is derived from the file). */
const moduleNamingPlatforms: ReadonlySet<string> = new Set([
  'python',
  ...jvmPlatforms,
  'csharp',
  'dotnet',
  'elixir',
  'go',
]);

/** Whether frames of this platform (the frame's own, else the event's) name their code by module. */
export function namesCodeByModule(platform: string | null | undefined): boolean {
  return platform !== null && platform !== undefined && moduleNamingPlatforms.has(platform.toLowerCase());
}
