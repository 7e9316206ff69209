// A CODEOWNERS file's rules and who owns a path under them: the last rule whose pattern matches wins, and a rule with
// no owners leaves the path unowned (GitHub's documented `/apps/github` case).
import { compileCodeownersPattern, type PathTest } from './codeownersPattern';

export interface CodeownersRule {
  readonly pattern: string;
  readonly owners: readonly string[];
  /** 1-based line in the file. */
  readonly line: number;
  readonly matches: PathTest;
}

export interface PathOwners {
  /** `@user`, `@org/team` or an e-mail address, as the file writes them; empty when the matching rule names none. */
  readonly owners: readonly string[];
  /** The rule that decided, for "CODEOWNERS line 12". */
  readonly line: number;
  readonly pattern: string;
}

/** Lines longer than this are not rules anyone wrote by hand; they are skipped. */
const maxLineLength = 4096;
const maxOwnersPerRule = 50;

/**
 * The rules, in file order. Skipped as GitHub does: blank lines, comments (a `#` at the start of a line or after a
 * space), and lines GitHub marks as errors (a `!` negation, a `[ ]` range, a `\#` at the start, which GitHub does not
 * read as an escaped `#`).
 */
export function parseCodeowners(text: string): CodeownersRule[] {
  const rules: CodeownersRule[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    if (raw.length > maxLineLength) return;
    const fields = splitFields(stripComment(raw));
    const [pattern, ...owners] = fields;
    if (!pattern || pattern.startsWith('\\#')) return;
    const matches = compileCodeownersPattern(pattern);
    if (matches) rules.push({ pattern, owners: owners.slice(0, maxOwnersPerRule), line: index + 1, matches });
  });
  return rules;
}

/** Who owns `path` (`/`-separated, relative to the repository root); undefined when no rule matches. */
export function ownersOfPath(rules: readonly CodeownersRule[], path: string): PathOwners | undefined {
  for (let index = rules.length - 1; index >= 0; index--) {
    const rule = rules[index] as CodeownersRule;
    if (rule.matches(path)) return { owners: rule.owners, line: rule.line, pattern: rule.pattern };
  }
  return undefined;
}

function stripComment(line: string): string {
  const comment = /(^|\s)#/.exec(line);
  return comment ? line.slice(0, comment.index) : line;
}

/** Fields split on unescaped blanks; `\ ` keeps a space inside a pattern (the pattern keeps its escape). */
function splitFields(line: string): string[] {
  return line
    .trim()
    .split(/(?<!\\)\s+/)
    .filter((field) => field !== '');
}
