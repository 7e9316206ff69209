// Makes stranger-written text (issue titles, release names, assignee names) inert inside a VS Code MarkdownString
// rendered with theme icons on: it can never become a link, an image, HTML, an entity, emphasis, a heading, a
// `command:` URI or a `$(icon)`. Also builds the command links our own hover labels use.

// CommonMark lets a backslash escape any ASCII punctuation, and every Markdown construct that could turn text into a
// link, HTML, code or emphasis starts with one (GFM's bare-URL links need `:`, `.` or `@`). Escaping all of them
// leaves plain text.
const asciiPunctuation = /[!-/:-@[-`{-~]/g;

// VS Code replaces `$(name)` with an icon after Markdown rendering, in text too; a backslash before `$` keeps it
// literal, as VS Code's own `MarkdownString.appendText` does (`escapeIcons`).
const themeIcon = /\$\([A-Za-z0-9~-]+\)/g;

const lineBreaks = /\s*[\r\n\u2028\u2029]+\s*/g;

/** Plain text for one line of Markdown: line breaks become spaces, every syntax character is escaped. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(lineBreaks, ' ')
    .replace(themeIcon, (icon) => `\\${icon}`)
    .replace(asciiPunctuation, (char) => `\\${char}`);
}

/** A `command:` URI with JSON arguments, encoded so that no character can end the Markdown link early. */
export function commandUri(commandId: string, args: readonly unknown[]): string {
  const encoded = encodeURIComponent(JSON.stringify(args)).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `command:${commandId}?${encoded}`;
}

/** A Markdown link to a command; `label` is our own Markdown (icons allowed), never event text. */
export function commandLink(label: string, commandId: string, args: readonly unknown[], tooltip?: string): string {
  const title = tooltip ? ` "${tooltip.replace(/["\\]/g, '')}"` : '';
  return `[${label}](${commandUri(commandId, args)}${title})`;
}
