// The hash that decides an event's issue: the SDK's fingerprint when it sent one (with `{{ default }}` standing for the
// default grouping and a few other Sentry variables), else the default grouping.
import { hash } from 'node:crypto';
import { defaultGroupingComponents } from './defaultGrouping';
import type { GroupingInput } from './groupingInput';

const VARIABLE = /^\{\{\s*([\w.]+)\s*\}\}$/;

export function groupingHashOf(input: GroupingInput, fingerprint: readonly string[] | undefined): string {
  const parts = fingerprint && fingerprint.length > 0 ? fingerprint : ['{{ default }}'];
  return md5(JSON.stringify(parts.map((part) => expand(part, input))));
}

function expand(part: string, input: GroupingInput): string {
  const variable = VARIABLE.exec(part.trim())?.[1]?.toLowerCase();
  if (variable === undefined) return `text:${part}`;
  const thrown = input.exceptions[input.exceptions.length - 1];
  const crashFrame = [...(thrown?.frames ?? input.looseFrames)].reverse().find((frame) => frame.inApp);
  switch (variable) {
    case 'default':
      return `default:${md5(JSON.stringify(defaultGroupingComponents(input)))}`;
    case 'type':
    case 'error.type':
      return `type:${thrown?.type ?? '<no-type>'}`;
    case 'error.value':
      return `value:${thrown?.value ?? '<no-value>'}`;
    case 'function':
      return `function:${crashFrame?.function ?? '<no-function>'}`;
    case 'module':
      return `module:${crashFrame?.module ?? '<no-module>'}`;
    case 'message':
      return `message:${input.message ?? '<no-message>'}`;
    case 'transaction':
      return `transaction:${input.transaction ?? '<no-transaction>'}`;
    case 'level':
      return `level:${input.level}`;
    default:
      return `text:${part}`;
  }
}

/** One-shot: a Hash object per digest cost four times as much, twice per event. */
function md5(text: string): string {
  return hash('md5', text, 'hex');
}
