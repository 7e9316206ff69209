// Makes text written by strangers (issue titles, exception values) safe to print on one line of a terminal or a label:
// control characters, including ANSI escape sequences and bidi overrides, become visible placeholders or spaces.

// C0 and C1 controls, DEL, and the Unicode bidi embedding/override/isolate characters (Trojan Source).
const controls = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const whitespace = /\s/;
const lineBreak = /[\r\n]/;

function visible(text: string): string {
  return text.replace(controls, (char) => (char === '\t' ? ' ' : '\ufffd'));
}

/**
 * One line of at most `maxLength` characters: a run of whitespace holding a line break becomes one space, controls
 * become placeholders, the ends are trimmed, and a longer text ends in `…`. One pass that stops once the line is full,
 * so a megabyte of whitespace or of title costs no more than the line it makes.
 */
export function oneLine(text: string, maxLength = 120): string {
  let line = '';
  let runStart = -1;
  for (let index = 0; index < text.length && line.length <= maxLength; index++) {
    const char = text.charAt(index);
    if (whitespace.test(char)) {
      if (runStart < 0) runStart = index;
      continue;
    }
    if (runStart >= 0) {
      const run = text.slice(runStart, index);
      // At the start of the line, the blanks the trim drops go before the bound, or they would crowd out a placeholder.
      const kept = line === '' ? run.slice(leadingBlanks(run)) : run;
      const gap = lineBreak.test(run) ? ' ' : visible(kept.slice(0, maxLength + 1));
      line = line === '' ? gap.trimStart() : line + gap;
      runStart = -1;
    }
    line += visible(char);
  }
  // A run still open here ends the text, unless the line filled up first (then more text follows it).
  if (line.length <= maxLength && runStart >= 0) {
    const run = text.slice(runStart);
    if (!lineBreak.test(run)) line += visible(run);
  }
  line = line.trim();
  return line.length > maxLength ? `${line.slice(0, maxLength - 1)}…` : line;
}

/** How many characters at the start of a whitespace run stay whitespace once visible (a vertical tab becomes a placeholder). */
function leadingBlanks(run: string): number {
  let count = 0;
  while (count < run.length && whitespace.test(visible(run.charAt(count)))) count++;
  return count;
}

// VS Code draws `$(name)` as a theme icon in hovers, quick picks and status bar texts; a backslash before it keeps it
// literal text there (VS Code's own `escapeIcons`).
const themeIcon = /\$\([A-Za-z0-9~-]+\)/g;

/** Stranger-written text for a quick pick's label, description or detail: one line, and no `$(icon)` in it. */
export function pickText(text: string, maxLength = 120): string {
  return oneLine(text, maxLength).replace(themeIcon, (icon) => `\\${icon}`);
}
