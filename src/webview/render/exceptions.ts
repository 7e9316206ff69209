// The exception chain: each exception's type, value and mechanism, then its frames with the raising frame on top.
// In-app frames stand out; other frames hide behind a toggle; each frame's source lines open with a toggle of their own.
import { hasDetails, type ExceptionView, type FrameView } from '../../core/format/issueViewModel';
import { button, h } from '../dom';
import { icon } from '../icons';
import type { PageActions } from './pageActions';
import { renderVariables } from './variables';

function contextBlock(frame: FrameView, id: string): HTMLElement {
  const lines = frame.context.map((line) =>
    h(
      'span',
      {
        className: line.isErrorLine ? 'code-line error-line' : 'code-line',
        testId: line.isErrorLine ? 'error-line' : undefined,
        attrs: line.isErrorLine ? { 'aria-current': 'true' } : {},
      },
      h('span', { className: 'line-number', attrs: { 'aria-hidden': 'true' } }, String(line.line)),
      h('span', { className: 'line-text' }, line.text),
    ),
  );
  return h('pre', { className: 'context', testId: 'frame-context', attrs: { id } }, h('code', {}, ...lines));
}

function frameDetails(frame: FrameView, id: string, key: string, page: PageActions): HTMLElement {
  return h(
    'div',
    { className: 'frame-details', attrs: { id } },
    frame.context.length > 0 && contextBlock(frame, `${id}-source`),
    frame.variables && frame.variables.length > 0 && renderVariables(frame.variables, key, frame.function, page),
  );
}

function fileLabel(frame: FrameView): string {
  return frame.location ? `${frame.file}:${frame.location}` : frame.file;
}

function frameHead(frame: FrameView, contextId: string, key: string, page: PageActions): HTMLElement {
  const open = page.toggles.isOpen(key, frame.expanded);
  const toggle = hasDetails(frame)
    ? button({
        label: '',
        icon: icon(open ? 'chevronDown' : 'chevronRight'),
        className: 'icon-button frame-toggle',
        focusKey: key,
        attrs: {
          'aria-expanded': String(open),
          'aria-controls': contextId,
          'aria-label': `Source and variables of ${frame.function}`,
        },
        onClick: () => page.toggle(key, frame.expanded),
      })
    : h('span', { className: 'frame-toggle-spacer' });
  const link = frame.link;
  const where = link
    ? button({
        label: fileLabel(frame),
        className: 'link frame-link',
        testId: 'frame-link',
        focusKey: `${key}:link`,
        title: 'Open this line in the editor',
        onClick: () => page.openFrame(link),
      })
    : h('span', { className: 'frame-file' }, fileLabel(frame));
  return h(
    'div',
    { className: 'frame-head' },
    toggle,
    h('span', { className: 'frame-function', testId: 'frame-function' }, frame.function),
    h('span', { className: 'frame-at' }, 'at'),
    where,
    frame.inApp && h('span', { className: 'badge in-app' }, 'In app'),
  );
}

function frameRow(frame: FrameView, key: string, systemHidden: boolean, page: PageActions): HTMLElement {
  const contextId = `context-${key.replace(/[^a-z0-9-]/gi, '-')}`;
  const row = h(
    'li',
    {
      className: frame.emphasised ? 'frame emphasised' : 'frame system',
      testId: 'frame-row',
      attrs: { 'data-in-app': String(frame.inApp) },
    },
    frameHead(frame, contextId, key, page),
    hasDetails(frame) && page.toggles.isOpen(key, frame.expanded) && frameDetails(frame, contextId, key, page),
  );
  row.hidden = systemHidden && !frame.emphasised;
  return row;
}

function systemToggle(
  exception: ExceptionView,
  key: string,
  open: boolean,
  page: PageActions,
): HTMLElement | undefined {
  const systemCount = exception.frames.filter((frame) => !frame.emphasised).length;
  // Without in-app frames, every frame is shown: hiding them all would hide the stack trace.
  if (systemCount === 0 || systemCount === exception.frames.length) return undefined;
  return button({
    label: `${open ? 'Hide' : 'Show'} ${systemCount} system ${systemCount === 1 ? 'frame' : 'frames'}`,
    icon: icon(open ? 'chevronDown' : 'chevronRight'),
    className: 'link system-toggle',
    testId: 'system-frames-toggle',
    focusKey: key,
    attrs: { 'aria-expanded': String(open) },
    onClick: () => page.toggle(key, false),
  });
}

function exceptionBlock(exception: ExceptionView, index: number, page: PageActions): HTMLElement {
  const systemKey = `exception-${index}-system`;
  const systemOpen = page.toggles.isOpen(systemKey, false);
  const toggle = systemToggle(exception, systemKey, systemOpen, page);
  const hideSystem = toggle !== undefined && !systemOpen;
  return h(
    'article',
    { className: 'exception', testId: 'exception' },
    h(
      'div',
      { className: 'exception-head' },
      h('h3', { className: 'exception-type', testId: 'exception-type' }, exception.type),
      exception.handled &&
        h(
          'span',
          { className: `badge ${exception.handled}`, testId: 'exception-handled' },
          exception.handled === 'handled' ? 'Handled' : 'Unhandled',
        ),
      exception.mechanism &&
        h('span', { className: 'badge mechanism', testId: 'exception-mechanism' }, `mechanism: ${exception.mechanism}`),
    ),
    exception.value && h('p', { className: 'exception-value', testId: 'exception-value' }, exception.value),
    exception.frames.length === 0
      ? h('p', { className: 'muted' }, 'No stack trace was sent with this exception.')
      : h(
          'ol',
          { className: 'frames', testId: 'frames' },
          ...exception.frames.map((frame, position) => frameRow(frame, `frame-${index}-${position}`, hideSystem, page)),
        ),
    toggle,
    exception.omittedFrames > 0 && h('p', { className: 'muted' }, `${exception.omittedFrames} outer frames not shown.`),
  );
}

export function renderExceptions(exceptions: readonly ExceptionView[], page: PageActions): HTMLElement[] {
  return exceptions.flatMap((exception, index) => {
    const block = exceptionBlock(exception, index, page);
    // Innermost first: each further exception is what caused the one above it.
    return index === 0 ? [block] : [h('p', { className: 'caused-by' }, 'Caused by'), block];
  });
}
