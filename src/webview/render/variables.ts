// A frame's local variables as a table: top-level names always shown, nested objects and arrays closed until opened,
// and each note on what was cut or hidden ("10 of 52 items sent") beside its value.
import type { VariableRow } from '../../core/format/issueViewModel';
import { button, h } from '../dom';
import { icon } from '../icons';
import type { PageActions } from './pageActions';

function rowKey(frameKey: string, row: VariableRow): string {
  return `${frameKey}:var:${row.id}`;
}

/** A row shows while every row it is nested in is open. */
function visibleRows(rows: readonly VariableRow[], frameKey: string, page: PageActions): VariableRow[] {
  // Parents come before their children, so one pass knows whether a row's parent is showing.
  const shownAndOpen = new Set<string>();
  return rows.filter((row) => {
    const visible = row.parent === undefined || shownAndOpen.has(row.parent);
    if (visible && row.expandable && page.toggles.isOpen(rowKey(frameKey, row), false)) shownAndOpen.add(row.id);
    return visible;
  });
}

function nameCell(row: VariableRow, frameKey: string, page: PageActions): HTMLElement {
  const key = rowKey(frameKey, row);
  const open = page.toggles.isOpen(key, false);
  const toggle = row.expandable
    ? button({
        label: '',
        icon: icon(open ? 'chevronDown' : 'chevronRight'),
        className: 'icon-button variable-toggle',
        focusKey: key,
        attrs: { 'aria-expanded': String(open), 'aria-label': `${open ? 'Close' : 'Open'} ${row.name}` },
        onClick: () => page.toggle(key, false),
      })
    : h('span', { className: 'variable-toggle-spacer' });
  return h(
    'th',
    { className: `variable-name depth-${Math.min(row.depth, 8)}`, attrs: { scope: 'row' } },
    toggle,
    h('span', { testId: 'variable-name' }, row.name),
  );
}

function variableRow(row: VariableRow, frameKey: string, page: PageActions): HTMLElement {
  return h(
    'tr',
    { testId: 'variable-row', attrs: { 'aria-level': String(row.depth + 1) } },
    nameCell(row, frameKey, page),
    h(
      'td',
      { className: 'variable-value' },
      h('span', { testId: 'variable-value' }, row.value),
      row.note && h('span', { className: 'variable-note', testId: 'variable-note' }, row.note),
    ),
  );
}

export function renderVariables(
  rows: readonly VariableRow[],
  frameKey: string,
  functionName: string,
  page: PageActions,
): HTMLElement {
  return h(
    'table',
    { className: 'variables', testId: 'frame-variables' },
    h('caption', { className: 'visually-hidden' }, `Local variables of ${functionName}`),
    h('tbody', {}, ...visibleRows(rows, frameKey, page).map((row) => variableRow(row, frameKey, page))),
  );
}
