// Makes text written by strangers (issue titles, exception values) safe to print on one line of a terminal or a label:
// control characters, including ANSI escape sequences and bidi overrides, become visible placeholders or spaces.

// C0 and C1 controls, DEL, and the Unicode bidi embedding/override/isolate characters (Trojan Source).
const controls = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function oneLine(text: string, maxLength = 120): string {
  const flat = text.replace(/\s*[\r\n]+\s*/g, ' ').replace(controls, (char) => (char === '\t' ? ' ' : '\ufffd')).trim();
  return flat.length > maxLength ? `${flat.slice(0, maxLength - 1)}…` : flat;
}
