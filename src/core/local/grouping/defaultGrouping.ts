// Sentry's default grouping, simplified: exception types plus in-app frames; without in-app frames, all frames; without
// frames, the type and masked value; without an exception, the stack trace or else the masked message.
import type { ApiFrame } from '../process/apiFrame';
import { frameComponent } from './frameComponent';
import type { GroupingException, GroupingInput } from './groupingInput';
import { maskMessage } from './messageMasking';

export function defaultGroupingComponents(input: GroupingInput): string[] {
  if (input.exceptions.length > 0) return exceptionComponents(input.exceptions, input.platform);
  if (input.looseFrames.length > 0) {
    const frames = listComponents(input.looseFrames, input.platform, input.looseFrames.some(isInApp));
    if (frames.length > 0) return ['stacktrace', ...frames];
  }
  if (input.message !== undefined && input.message.trim() !== '') return ['message', maskMessage(input.message)];
  return ['empty'];
}

function exceptionComponents(exceptions: readonly GroupingException[], platform: string | undefined): string[] {
  // The in-app frames of every list when any list has one; otherwise every frame (Sentry's "system" variant).
  const inAppOnly = exceptions.some((exception) => exception.frames.some(isInApp));
  const frameLists = exceptions.map((exception) => listComponents(exception.frames, platform, inAppOnly));
  const components: string[] = [];
  for (const [index, exception] of exceptions.entries()) {
    const frames = frameLists[index] ?? [];
    if (!exception.synthetic) components.push(`type:${exception.type ?? ''}`);
    if (frames.length > 0) components.push(...frames);
    // Only without any frame does the value decide: then it is all there is to tell errors of one type apart.
    else if (!exception.synthetic && frameLists.every((list) => list.length === 0))
      components.push(`value:${maskMessage(exception.value ?? '')}`);
  }
  return components;
}

function isInApp(frame: ApiFrame): boolean {
  return frame.inApp;
}

/**
 * The components of a frame list, remembered per list: a stack kept ready (PreparedStacks) hands every event with it
 * the same list of frames, which nothing changes once processed. Keyed on what else they depend on.
 */
const componentsOfLists = new WeakMap<readonly ApiFrame[], Map<string, readonly string[]>>();

function listComponents(
  frames: readonly ApiFrame[],
  platform: string | undefined,
  inAppOnly: boolean,
): readonly string[] {
  let byOptions = componentsOfLists.get(frames);
  if (byOptions === undefined) componentsOfLists.set(frames, (byOptions = new Map()));
  const key = `${inAppOnly ? 'app' : 'all'}:${platform === undefined ? '' : `=${platform}`}`;
  let components = byOptions.get(key);
  if (components === undefined) {
    components = framesComponents(inAppOnly ? frames.filter(isInApp) : frames, platform);
    byOptions.set(key, components);
  }
  return components;
}

/** Consecutive repeats (recursion) count once, so a deeper recursion is the same error. */
function framesComponents(frames: readonly ApiFrame[], platform: string | undefined): string[] {
  const components: string[] = [];
  for (const frame of frames) {
    const component = `frame:${frameComponent(frame, platform)}`;
    if (components[components.length - 1] !== component) components.push(component);
  }
  return components;
}
