// The grounded context of one issue for an AI assistant, as plain text: the exception chain (thrown value first), each
// stack's frames innermost first with today's workspace source around the in-app lines, their local variables and
// suspect commits, breadcrumbs, tags and the release story. Scrubbed by the privacy rules and capped in size, with a
// note saying what was cut.
import { stackOfEvent, type EventFrame, type IssueEvent } from '../api/eventSchema';
import type { Issue } from '../api/issueSchema';
import { breadcrumbViews } from '../format/breadcrumbView';
import { frameKey, partsOfStack, shownFrames, type StackPart } from '../format/exceptionView';
import { issueStoryText } from '../format/issueStoryText';
import { pageText } from '../format/pageText';
import { eventTags } from '../format/tagView';
import { scrubEventBody } from '../privacy/scrubEvent';
import { scrubText } from '../privacy/sensitiveData';
import { issueCounts } from '../scan/eventHits';
import { storyOf } from '../tracking/issueStory';
import { variablesOfFrame, type VariableNode } from '../variables/variableTree';

/** Where a frame lies in the workspace today, with the current source lines around it. */
export interface LocatedFrame {
  /** Relative to the workspace folder, `/` separators. */
  readonly file: string;
  readonly line: number;
  readonly moved: boolean;
  readonly stale: boolean;
  /** Today's lines around `line`, in order. */
  readonly window: ReadonlyArray<{ readonly line: number; readonly text: string }>;
  /** The commit that last changed today's line, in words (see suspectCommitText), where git can tell. */
  readonly suspect?: string;
}

export interface IssueContextInput {
  readonly issue: Issue;
  /** The issue's latest event in the release; the context says when there is none. */
  readonly event?: IssueEvent;
  /** The workspace's release, which the story is told against. */
  readonly release?: string;
  /** Workspace locations of frames, keyed by `frameKey`. */
  readonly located: ReadonlyMap<string, LocatedFrame>;
  /** Breadcrumbs kept, newest first. */
  readonly breadcrumbs?: number;
  /** The whole text's cap in UTF-8 bytes. */
  readonly maxBytes?: number;
  /** The code owners of the raising workspace file, in words (see ownersText). */
  readonly owners?: string;
}

export const defaultContextBytes = 24_000;
export const defaultBreadcrumbs = 20;
/** Frames listed per stack: the innermost ones matter; deep recursion would fill the budget with repeats. */
const maxFramesListed = 40;
/** Variable rows per frame (nested values included) and their depth: enough to see the values, not a heap dump. */
const maxVariableRows = 30;
const maxVariableDepth = 2;

/** One part of the context; parts are kept in order while they fit, and named in the note when they do not. */
interface Section {
  readonly name: string;
  readonly text: string;
}

export function issueContextText(input: IssueContextInput): string {
  const sections = [headerSection(input), ...eventSections(input)];
  return capped(sections, input.maxBytes ?? defaultContextBytes);
}

function oneLineText(value: unknown, max: number): string {
  return scrubText(pageText(value, max)).replace(/\s*\n\s*/g, ' ');
}

function headerSection({ issue, release, event, owners }: IssueContextInput): Section {
  const counts = issueCounts(issue);
  const told = issueStoryText(storyOf(issue, release), release);
  const lines = [
    `# ${oneLineText(issue.shortId, 100)} (id ${issue.id}): ${oneLineText(issue.title, 500)}`,
    `Level ${issue.level}, status ` +
      `${issue.status}${issue.substatus ? ` (${issue.substatus})` : ''}; ${counts.count} events, ` +
      `${counts.userCount} users${release ? ` in release ${oneLineText(release, 200)}` : ''}.`,
    `Release story: ${told.headline}${told.releases ? ` (${told.releases})` : ''}.`,
  ];
  if (issue.culprit) lines.push(`Culprit: ${oneLineText(issue.culprit, 500)}`);
  // The repository's own CODEOWNERS, which the assistant could read itself: its e-mails are not event data to scrub.
  if (owners) lines.push(`${pageText(owners, 1000).replace(/\s*\n\s*/g, ' ')}.`);
  if (issue.firstSeen || issue.lastSeen)
    lines.push(`First seen ${issue.firstSeen ?? 'unknown'}, last seen ${issue.lastSeen ?? 'unknown'}.`);
  if (!event) lines.push('No event of this issue could be read: the exception, frames and breadcrumbs are unknown.');
  return { name: 'header', text: `${lines.join('\n')}\n` };
}

function eventSections(input: IssueContextInput): Section[] {
  if (!input.event) return [];
  // Every server's event gets the same scrubbing (a hosted Sentry may have its own off); query values are all hidden.
  const event = scrubEventBody(input.event, { allQueryValues: true });
  const parts = partsOfStack(stackOfEvent(event));
  const sections = parts.map((part, index) => stackSection(part, index, parts.length, input.located));
  const crumbs = breadcrumbSection(event, input.breadcrumbs ?? defaultBreadcrumbs);
  if (crumbs) sections.push(crumbs);
  const tags = eventTags(event, false);
  if (tags.length > 0)
    sections.push({
      name: 'tags',
      text: `\n## Tags\n${tags.map((tag) => `${tag.key}: ${oneLineText(tag.value, 300)}`).join('\n')}\n`,
    });
  return sections;
}

function stackSection(
  part: StackPart,
  index: number,
  total: number,
  located: ReadonlyMap<string, LocatedFrame>,
): Section {
  const exception = part.exception;
  const role = index === 0 ? 'thrown' : `cause ${index} of ${total - 1}`;
  const heading = exception
    ? `\n## Exception (${role}): ${oneLineText(exception.type ?? exception.module ?? 'Error', 300)}: ${scrubText(pageText(exception.value ?? '', 2000))}`
    : '\n## Stack trace';
  const handled = exception?.mechanism?.handled;
  const mechanism = exception?.mechanism?.type
    ? `Mechanism ${oneLineText(exception.mechanism.type, 100)}${handled === undefined ? '' : handled ? ', handled' : ', unhandled'}.`
    : undefined;
  const frames = shownFrames(part.frames);
  const listed = frames.slice(0, maxFramesListed);
  const lines = [
    heading,
    ...(mechanism ? [mechanism] : []),
    ...(listed.length > 0 ? ['Frames, innermost (where it was raised) first:'] : []),
  ];
  for (const frame of listed) lines.push(...frameLines(frame, located.get(frameKey(frame))));
  const left = part.frames.length - listed.length;
  if (left > 0) lines.push(`(${left} outer frames not listed)`);
  return { name: `exception ${index + 1}`, text: `${lines.join('\n')}\n` };
}

function frameLines(frame: EventFrame, location: LocatedFrame | undefined): string[] {
  const name = oneLineText(frame.function ?? '(anonymous)', 200);
  const sent = `${oneLineText(frame.filename ?? frame.absPath ?? frame.module ?? '(unknown file)', 300)}${frame.lineNo ? `:${frame.lineNo}` : ''}`;
  if (!location)
    return [
      `- ${name} at ${sent}${frame.inApp === true ? ' (in-app, not found in the workspace)' : frame.inApp === false ? ' (library)' : ''}`,
    ];
  const drift = location.stale
    ? ' (code changed here since the release)'
    : location.moved
      ? ` (the line moved since the release; it was ${frame.lineNo ?? '?'})`
      : '';
  const lines = [`- ${name} at workspace file ${location.file}:${location.line}${drift}`];
  const width = String(location.window.at(-1)?.line ?? location.line).length;
  for (const source of location.window) {
    lines.push(
      `    ${source.line === location.line ? '>' : ' '} ${String(source.line).padStart(width)} | ${scrubText(pageText(source.text, 300))}`,
    );
  }
  if (location.suspect) lines.push(`    Suspect commit: this line was ${scrubText(location.suspect)}`);
  return [...lines, ...variableLines(frame)];
}

/** The frame's local variables as the SDK recorded them when it raised, nested values indented, bounded in rows. */
function variableLines(frame: EventFrame): string[] {
  const rows: string[] = [];
  const visit = (nodes: readonly VariableNode[], depth: number): void => {
    for (const node of nodes) {
      if (rows.length >= maxVariableRows) return;
      const note = node.note ? ` (${oneLineText(node.note, 200)})` : '';
      rows.push(`      ${'  '.repeat(depth)}${oneLineText(node.name, 100)} = ${oneLineText(node.value, 200)}${note}`);
      if (depth + 1 < maxVariableDepth) visit(node.children, depth + 1);
    }
  };
  const variables = variablesOfFrame(frame.vars, frame.varsMeta);
  visit(variables, 0);
  if (rows.length === 0) return [];
  const total = countNodes(variables, maxVariableDepth);
  return [
    '    Local variables when it raised:',
    ...rows,
    ...(total > rows.length ? [`      (${total - rows.length} more not listed)`] : []),
  ];
}

function countNodes(nodes: readonly VariableNode[], depth: number): number {
  return depth <= 0 ? 0 : nodes.reduce((sum, node) => sum + 1 + countNodes(node.children, depth - 1), 0);
}

function breadcrumbSection(event: IssueEvent, limit: number): Section | undefined {
  const { breadcrumbs } = breadcrumbViews(event);
  if (breadcrumbs.length === 0 || limit <= 0) return undefined;
  const kept = breadcrumbs.slice(0, limit);
  const rows = kept.map((crumb) => {
    const what = [crumb.category, crumb.message, crumb.data]
      .filter((part) => part !== '')
      .map((part) => oneLineText(part, 300));
    return `- ${crumb.timestamp || 'unknown time'} [${crumb.level || 'info'}] ${what.join(' — ')}`;
  });
  const more =
    breadcrumbs.length > kept.length ? `\n(${breadcrumbs.length - kept.length} older breadcrumbs not listed)` : '';
  return {
    name: 'breadcrumbs',
    text: `\n## Breadcrumbs, newest first (last ${kept.length})\n${rows.join('\n')}${more}\n`,
  };
}

const encoder = new TextEncoder();

function bytesOf(text: string): number {
  return encoder.encode(text).length;
}

/** The sections in order while they fit; the first one that does not is cut at a line, and the rest are named. */
function capped(sections: readonly Section[], maxBytes: number): string {
  const noteRoom = 400;
  const total = sections.reduce((sum, section) => sum + bytesOf(section.text), 0);
  if (total <= maxBytes) return sections.map((section) => section.text).join('');
  const budget = Math.max(0, maxBytes - noteRoom);
  let used = 0;
  let out = '';
  const cut: string[] = [];
  for (const section of sections) {
    const size = bytesOf(section.text);
    if (cut.length === 0 && used + size <= budget) {
      out += section.text;
      used += size;
      continue;
    }
    if (cut.length === 0) {
      const kept = linesWithin(section.text, budget - used);
      const partial = kept.trim() !== '';
      if (partial) out += kept;
      used += partial ? bytesOf(kept) : 0;
      cut.push(partial ? `the end of ${section.name}` : section.name);
      continue;
    }
    cut.push(section.name);
  }
  const named = cut.length > 6 ? `${cut.slice(0, 5).join(', ')} and ${cut.length - 5} more sections` : cut.join(', ');
  return `${out}\n[Cut to stay within ${maxBytes} bytes (${total} in full): ${named} left out. Ask for a narrower question or read the files named above.]\n`;
}

function linesWithin(text: string, bytes: number): string {
  let kept = '';
  for (const line of text.split('\n')) {
    const next = `${kept}${line}\n`;
    if (bytesOf(next) > bytes) break;
    kept = next;
  }
  return kept;
}
