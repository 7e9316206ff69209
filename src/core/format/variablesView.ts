// A frame's variable tree as the panel's flat table rows: parents before children, each row knowing its parent, and
// at most a bounded number of rows so one frame cannot flood the page.
import { variablesOfFrame, type VariableNode } from '../variables/variableTree';
import type { EventFrame } from '../api/eventSchema';
import type { VariableRow } from './issueViewModel';

const maxRowsPerFrame = 1000;

function appendRows(
  rows: VariableRow[],
  nodes: readonly VariableNode[],
  parent: string | undefined,
  depth: number,
): void {
  nodes.forEach((node, index) => {
    if (rows.length >= maxRowsPerFrame) return;
    const id = parent === undefined ? `v${index}` : `${parent}.${index}`;
    rows.push({
      id,
      ...(parent === undefined ? {} : { parent }),
      depth,
      name: node.name,
      value: node.value,
      expandable: node.children.length > 0,
      ...(node.note ? { note: node.note } : {}),
    });
    appendRows(rows, node.children, id, depth + 1);
  });
}

/** Undefined for a frame without variables, so the page shows no empty table. */
export function variableRows(frame: EventFrame): VariableRow[] | undefined {
  const nodes = variablesOfFrame(frame.vars, frame.varsMeta);
  if (nodes.length === 0) return undefined;
  const rows: VariableRow[] = [];
  appendRows(rows, nodes, undefined, 0);
  return rows;
}
