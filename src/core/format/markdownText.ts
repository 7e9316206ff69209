// Makes stranger-written text (issue titles, release names, assignee names) inert inside a VS Code MarkdownString
// rendered with theme icons on: it can never become a link, an image, HTML, an entity, emphasis, a heading, a
// `command:` URI or a `$(icon)`. Also builds the command links our own hover labels use.

// CommonMark lets a backslash escape any ASCII punctuation, and every Markdown construct that could turn text into a
// link, HTML, code or emphasis starts with one (GFM's bare-URL links need `:`, `.` or `@`). Escaping all of them
// leaves plain text.
const asciiPunctuation = /[!-/:-@[-`{-~]/g;

// VS Code draws `$(name)` as an icon after rendering the Markdown, in text too. Its own escape (`escapeIcons`, as in
// `MarkdownString.appendText`) is a backslash before the `$` and nothing else: VS Code recognizes `\$(name)` before
// rendering and keeps it literal. Escaping the parentheses as well would hide the icon from that check, so Markdown
// would unescape `\\` into a stray backslash shown before the text.
const themeIcon = /\$\([A-Za-z0-9~-]+\)/g;

// Without surrounding whitespace in the pattern, so that a long run of spaces costs linear time.
const lineBreaks = /[\r\n\u2028\u2029]+/g;

// C0 and C1 controls, DEL and the bidi embedding/override/isolate characters (Trojan Source) would reorder or hide
// what the hover shows: they become placeholders, as on every other surface (untrustedText.ts).
const invisibles = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function escapePunctuation(text: string): string {
  return text.replace(asciiPunctuation, (char) => `\\${char}`);
}

/** Plain text for one line of Markdown: line breaks become spaces, invisible controls show, syntax is escaped. */
export function escapeMarkdown(text: string): string {
  const flat = text.replace(lineBreaks, ' ').replace(invisibles, (char) => (char === '\t' ? ' ' : '\ufffd'));
  let escaped = '';
  let from = 0;
  for (const icon of flat.matchAll(themeIcon)) {
    escaped += `${escapePunctuation(flat.slice(from, icon.index))}\\${icon[0]}`;
    from = icon.index + icon[0].length;
  }
  return escaped + escapePunctuation(flat.slice(from));
}

/** A `command:` URI with JSON arguments, encoded so that no character can end the Markdown link early. */
export function commandUri(commandId: string, args: readonly unknown[]): string {
  const encoded = encodeURIComponent(JSON.stringify(args)).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `command:${commandId}?${encoded}`;
}

/** A Markdown link to a command; `label` is our own Markdown (icons allowed), never event text. */
export function commandLink(label: string, commandId: string, args: readonly unknown[], tooltip?: string): string {
  const title = tooltip ? ` "${tooltip.replace(/["\\]/g, '')}"` : '';
  return `[${label}](${commandUri(commandId, args)}${title})`;
}
