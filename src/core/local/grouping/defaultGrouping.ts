// Sentry's default grouping, simplified: exception types plus in-app frames; without in-app frames, all frames; without
// frames, the type and masked value; without an exception, the stack trace or else the masked message.
import type { ApiFrame } from '../process/apiFrame';
import { frameComponent } from './frameComponent';
import type { GroupingException, GroupingInput } from './groupingInput';
import { maskMessage } from './messageMasking';

export function defaultGroupingComponents(input: GroupingInput): string[] {
  if (input.exceptions.length > 0) return exceptionComponents(input.exceptions, input.platform);
  if (input.looseFrames.length > 0) {
    const frames = preferInApp([input.looseFrames]);
    if (frames.some((list) => list.length > 0))
      return ['stacktrace', ...framesComponents(frames[0] ?? [], input.platform)];
  }
  if (input.message !== undefined && input.message.trim() !== '') return ['message', maskMessage(input.message)];
  return ['empty'];
}

function exceptionComponents(exceptions: readonly GroupingException[], platform: string | undefined): string[] {
  const frameLists = preferInApp(exceptions.map((exception) => exception.frames));
  const components: string[] = [];
  for (const [index, exception] of exceptions.entries()) {
    const frames = frameLists[index] ?? [];
    if (!exception.synthetic) components.push(`type:${exception.type ?? ''}`);
    if (frames.length > 0) components.push(...framesComponents(frames, platform));
    // Only without any frame does the value decide: then it is all there is to tell errors of one type apart.
    else if (!exception.synthetic && frameLists.every((list) => list.length === 0))
      components.push(`value:${maskMessage(exception.value ?? '')}`);
  }
  return components;
}

/** The in-app frames of every list when any list has one; otherwise every frame (Sentry's "system" variant). */
function preferInApp(lists: ReadonlyArray<readonly ApiFrame[]>): ApiFrame[][] {
  const anyInApp = lists.some((frames) => frames.some((frame) => frame.inApp));
  return lists.map((frames) => frames.filter((frame) => !anyInApp || frame.inApp));
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
