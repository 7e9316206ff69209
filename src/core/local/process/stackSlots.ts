// Slots in an event body for stacks kept as JSON text (PreparedStacks): the body is trimmed and serialized with a
// placeholder string in each slot, then each placeholder is replaced, in the text by its stack's JSON and in the trimmed
// body by its stack's stored value. A placeholder holds a random word drawn once per process, which no event can know;
// still, each must be found exactly once, else the caller builds the body with its stacks in it instead.
import { randomBytes } from 'node:crypto';

/** Lower-case letters only: nothing scrubbing looks for (digits of a card, an @, a key's header) and no JSON escape. */
const NONCE = [...randomBytes(24)].map((byte) => String.fromCharCode(97 + (byte % 26))).join('');

interface Slot {
  readonly placeholder: string;
  readonly value: unknown;
  readonly text: string;
}

export class StackSlots {
  private readonly slots: Slot[] = [];
  private readonly byPlaceholder = new Map<string, Slot>();

  /** The placeholder to put in the body where the value goes; `text` is the value's JSON. */
  slot(value: unknown, text: string): string {
    const placeholder = `sentry-insight-stack-${NONCE}-${this.slots.length}`;
    const slot = { placeholder, value, text };
    this.slots.push(slot);
    this.byPlaceholder.set(placeholder, slot);
    return placeholder;
  }

  get size(): number {
    return this.slots.length;
  }

  /** The text with each placeholder (a JSON string) replaced by its JSON; undefined unless each is there exactly once. */
  fillText(text: string): string | undefined {
    const found = this.slots.map((slot) => ({ slot, at: text.indexOf(`"${slot.placeholder}"`) }));
    if (found.some(({ slot, at }) => at < 0 || text.indexOf(`"${slot.placeholder}"`, at + 1) >= 0)) return undefined;
    found.sort((a, b) => a.at - b.at);
    const parts: string[] = [];
    let from = 0;
    for (const { slot, at } of found) {
      parts.push(text.slice(from, at), slot.text);
      from = at + slot.placeholder.length + 2;
    }
    parts.push(text.slice(from));
    return parts.join('');
  }

  /** Replaces the placeholder found at `holder[key]` by its value; false when there is none there. */
  fillValue(holder: Record<string, unknown>, key: string): boolean {
    const placeholder = holder[key];
    const slot = typeof placeholder === 'string' ? this.byPlaceholder.get(placeholder) : undefined;
    if (slot === undefined) return false;
    holder[key] = slot.value;
    return true;
  }
}
