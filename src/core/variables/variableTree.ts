// A frame's local variables (`vars`) as a bounded tree of text: nested objects and arrays kept as children, Sentry's
// `_meta` remarks (trimmed lists, cut strings, values the server filtered) turned into notes, and sensitive values
// scrubbed. The panel and the debugger replay both show this tree, so the two agree on every value.
import { pageText } from '../format/pageText';
import { filteredValue, holdsCardNumber, isSensitiveKey } from '../format/sensitiveData';

export type VariableKind = 'object' | 'array' | 'text' | 'filtered';

export interface VariableNode {
  readonly name: string;
  /** A scalar's text, or a summary such as `{3 keys}` or `[5 items]` for a container. */
  readonly value: string;
  readonly kind: VariableKind;
  /** Object entries or array items, in the order sent. */
  readonly children: readonly VariableNode[];
  /** What was cut or removed before the value got here: "10 of 52 items sent", "hidden: sensitive name". */
  readonly note?: string;
}

export interface VariableBounds {
  readonly maxDepth: number;
  readonly maxChildren: number;
  /** Nodes per frame, all levels together. */
  readonly maxNodes: number;
  readonly maxValueLength: number;
}

export const defaultVariableBounds: VariableBounds = {
  maxDepth: 8,
  maxChildren: 200,
  maxNodes: 2000,
  maxValueLength: 1000,
};

/** One level of Sentry's `_meta`: `{"": {len, rem}, "<child key>": {...}}`. */
type Meta = Readonly<Record<string, unknown>> | undefined;

interface MetaRemarks {
  readonly len?: number;
  /** `[[rule, "s" (substituted) | "x" (removed), start?, end?]]` */
  readonly rem: ReadonlyArray<readonly unknown[]>;
}

function asRecord(value: unknown): Readonly<Record<string, unknown>> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

export function childMeta(meta: Meta, key: string): Meta {
  return asRecord(meta?.[key]);
}

function remarksOf(meta: Meta): MetaRemarks {
  const own = asRecord(meta?.['']);
  const len = typeof own?.['len'] === 'number' && Number.isFinite(own['len']) ? own['len'] : undefined;
  const rem = Array.isArray(own?.['rem']) ? own['rem'].filter((entry): entry is unknown[] => Array.isArray(entry)) : [];
  return { len, rem };
}

/** "filtered by the server (@password:filter)" when a remark says the value was substituted or removed. */
function serverFilterNote(remarks: MetaRemarks): string | undefined {
  const filtering = remarks.rem.find((entry) => entry[1] === 's' || entry[1] === 'x');
  if (!filtering) return undefined;
  const rule = typeof filtering[0] === 'string' ? pageText(filtering[0], 100) : '';
  return rule ? `filtered by the server (${rule})` : 'filtered by the server';
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

class TreeBuilder {
  private nodes = 0;

  constructor(private readonly bounds: VariableBounds) {}

  get full(): boolean {
    return this.nodes >= this.bounds.maxNodes;
  }

  node(rawName: string, value: unknown, meta: Meta, depth: number): VariableNode {
    this.nodes++;
    const name = pageText(rawName, 200);
    const remarks = remarksOf(meta);
    const serverNote = serverFilterNote(remarks);
    if (isSensitiveKey(name))
      return { name, value: filteredValue, kind: 'filtered', children: [], note: 'hidden: sensitive name' };
    if (value === filteredValue)
      return {
        name,
        value: filteredValue,
        kind: 'filtered',
        children: [],
        note: serverNote ?? 'filtered by the server',
      };
    if (Array.isArray(value) || asRecord(value)) return this.container(name, value as object, meta, remarks, depth);
    return this.scalar(name, value, remarks, serverNote);
  }

  private scalar(name: string, value: unknown, remarks: MetaRemarks, serverNote: string | undefined): VariableNode {
    const raw =
      value === undefined ? 'undefined' : value === null ? 'null' : typeof value === 'string' ? value : pageText(value);
    if (typeof value === 'string' && holdsCardNumber(value))
      return { name, value: filteredValue, kind: 'filtered', children: [], note: 'hidden: card number' };
    const text = pageText(raw, this.bounds.maxValueLength);
    const originalLength = remarks.len !== undefined && remarks.len > raw.length ? remarks.len : raw.length;
    const cutNote =
      originalLength > text.length ? `cut from ${plural(originalLength, 'character', 'characters')}` : undefined;
    const note = serverNote ?? cutNote;
    return { name, value: text, kind: 'text', children: [], ...(note ? { note } : {}) };
  }

  private container(name: string, value: object, meta: Meta, remarks: MetaRemarks, depth: number): VariableNode {
    const isArray = Array.isArray(value);
    const entries: Array<readonly [string, unknown]> = isArray
      ? value.map((item, index) => [String(index), item] as const)
      : Object.entries(value);
    const sent = remarks.len !== undefined && remarks.len > entries.length ? remarks.len : entries.length;
    const summary = isArray ? `[${plural(sent, 'item', 'items')}]` : `{${plural(sent, 'key', 'keys')}}`;
    if (depth >= this.bounds.maxDepth)
      return { name, value: summary, kind: isArray ? 'array' : 'object', children: [], note: 'too deep to show' };
    const children: VariableNode[] = [];
    for (const [key, item] of entries) {
      if (children.length >= this.bounds.maxChildren || this.full) break;
      children.push(this.node(key, item, childMeta(meta, key), depth + 1));
    }
    const note = this.containerNote(sent, entries.length, children.length, isArray);
    return { name, value: summary, kind: isArray ? 'array' : 'object', children, ...(note ? { note } : {}) };
  }

  private containerNote(original: number, received: number, shown: number, isArray: boolean): string | undefined {
    const unit = (count: number) => plural(count, isArray ? 'item' : 'key', isArray ? 'items' : 'keys');
    if (original > received) return `${received} of ${unit(original)} sent`;
    if (received > shown) return `${shown} of ${unit(received)} shown`;
    return undefined;
  }
}

/**
 * The variables of one frame, in the order sent. `vars` is the frame's `vars` object as the API sends it; `meta` is the
 * `_meta` subtree at that frame's `vars`, when the event has one. Anything but an object gives no variables.
 */
export function variablesOfFrame(
  vars: unknown,
  meta: unknown,
  bounds: VariableBounds = defaultVariableBounds,
): VariableNode[] {
  const record = asRecord(vars);
  if (!record) return [];
  const builder = new TreeBuilder(bounds);
  const nodes: VariableNode[] = [];
  for (const [name, value] of Object.entries(record)) {
    if (nodes.length >= bounds.maxChildren || builder.full) break;
    nodes.push(builder.node(name, value, childMeta(asRecord(meta), name), 0));
  }
  return nodes;
}
