// An issue's title, culprit, metadata and location, derived from its first event as Sentry does for error and
// message events.
import { namesCodeByModule } from '../../platforms';
import type { GroupingInput } from '../grouping/groupingInput';
import type { ApiFrame } from './apiFrame';

export interface EventHeadline {
  readonly title: string;
  readonly culprit: string;
  readonly location: string | null;
  readonly type: 'error' | 'default';
  readonly metadata: Record<string, unknown>;
}

export function headlineOf(input: GroupingInput): EventHeadline {
  const thrown =
    [...input.exceptions].reverse().find((exception) => !exception.synthetic) ??
    input.exceptions[input.exceptions.length - 1];
  const frames = thrown?.frames ?? input.looseFrames;
  const crash = [...frames].reverse().find((frame) => frame.inApp) ?? frames[frames.length - 1];
  const where = crash?.filename ?? crash?.absPath ?? null;
  const location = where === null ? null : clip(where, 1024);
  const culprit = clip(input.transaction ?? (crash ? frameCulprit(crash, input.platform) : ''), 200);
  if (thrown !== undefined && !thrown.synthetic) {
    const type = thrown.type ?? 'Error';
    const value = firstLine(thrown.value ?? '');
    // Issue metadata is kept with the issue and sent in every issue list: capped like Sentry's (1,024 characters).
    const metadata: Record<string, unknown> = {
      type: clip(type, 1024),
      value: clip(value, 1024),
      in_app_frame_mix: frameMix(frames),
    };
    if (location !== null) metadata['filename'] = clip(location, 1024);
    if (crash?.function) metadata['function'] = clip(crash.function, 1024);
    return { title: clip(value === '' ? type : `${type}: ${value}`, 200), culprit, location, type: 'error', metadata };
  }
  const message = firstLine(input.message ?? thrown?.value ?? '') || '<unlabeled event>';
  return { title: clip(message, 100), culprit, location, type: 'default', metadata: { title: clip(message, 100) } };
}

function frameCulprit(frame: ApiFrame, platform: string | undefined): string {
  const name = frame.function ?? '?';
  if (namesCodeByModule(frame.platform ?? platform) && frame.module) return `${frame.module} in ${name}`;
  return `${name}(${frame.module ?? frame.filename ?? frame.absPath ?? '?'})`;
}

function frameMix(frames: readonly ApiFrame[]): string {
  const inApp = frames.filter((frame) => frame.inApp).length;
  if (inApp === 0) return 'system-only';
  return inApp === frames.length ? 'in-app-only' : 'mixed';
}

function firstLine(text: string): string {
  return text.trim().split(/\r?\n/, 1)[0] ?? '';
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
