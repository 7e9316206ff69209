// One CODEOWNERS path pattern as GitHub reads it: gitignore's rules (a leading or middle `/` anchors the pattern to the
// repository root, a trailing `/` matches a directory's contents, `*` and `?` stay within one path segment, `**`
// spans segments) without the ones GitHub documents as not working in CODEOWNERS (`!` negation, `[ ]` ranges).

/** A path test, `/`-separated and relative to the repository root; undefined for a pattern GitHub does not accept. */
export type PathTest = (path: string) => boolean;

export function compileCodeownersPattern(pattern: string): PathTest | undefined {
  if (pattern === '' || pattern.startsWith('!') || /[[\]]/.test(pattern) || pattern.includes('***')) return undefined;
  const anchored = pattern.slice(0, -1).includes('/');
  const segments = pattern.replace(/^\//, '').split('/');
  const directoryOnly = segments.at(-1) === '';
  if (directoryOnly) segments.pop();
  if (segments.length === 0) return undefined; // "/" names nothing
  const body = segmentsSource(segments);
  // An unanchored pattern ("*.js", "apps/") matches at any depth.
  const start = anchored ? '' : '(?:.*/)?';
  // A pattern naming a file or a directory matches what is inside; one ending in a bare "*" ("docs/*") matches one
  // level only, as GitHub's example says of docs/getting-started.md and docs/build-app/troubleshooting.md.
  const last = segments.at(-1);
  const end = directoryOnly ? '/.*' : last === '*' || last === '**' ? '' : '(?:/.*)?';
  const expression = new RegExp(`^${start}${body}${end}$`, 's');
  return (path) => expression.test(path);
}

/** The segments joined by `/`, with `**` as zero or more whole segments wherever it stands. */
function segmentsSource(segments: readonly string[]): string {
  let source = '';
  segments.forEach((segment, index) => {
    const first = index === 0;
    const last = index === segments.length - 1;
    // After a leading "**", whose source ends in its own "/", the next segment needs none.
    const separator = first || (index === 1 && segments[0] === '**') ? '' : '/';
    if (segment !== '**') source += separator + globSource(segment);
    else if (first) source += last ? '.*' : '(?:.*/)?';
    else source += last ? '/.*' : '(?:/.*)?';
  });
  return source;
}

/** `*` any run within the segment, `?` one character, `\x` the character x; everything else literal. */
function globSource(glob: string): string {
  let source = '';
  for (let index = 0; index < glob.length; index++) {
    const char = glob[index] as string;
    if (char === '\\' && index + 1 < glob.length) source += escapeRegExp(glob[++index] as string);
    else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += escapeRegExp(char);
  }
  return source;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
