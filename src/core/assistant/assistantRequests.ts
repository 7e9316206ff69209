// What the assistant is asked to do with an issue, in one place for the chat participant (@sentry /explain, /fix), the
// "Explain with AI" and "Fix with AI" actions and the text they copy where the editor has no chat: the instruction for
// each request, and the chat query that names it.
import type { GroundedIssue } from './assistantWorkspace';

export type AssistantRequest = 'explain' | 'fix';

export const assistantRequests: readonly AssistantRequest[] = ['explain', 'fix'];

/** The participant's name in the chat (`@sentry`) and its id in package.json. */
export const chatParticipantName = 'sentry';
export const chatParticipantId = 'sentryInsight.sentry';

const instructions: Readonly<Record<AssistantRequest, string>> = {
  explain:
    'Explain this production error to the developer: what failed, why, ' +
    'and the path through the code that led there. Ground every claim in the context below ' +
    '(the exception chain, the workspace source around each frame, the local variables, ' +
    'the breadcrumbs); say when the context does not tell. ' +
    'Cite the workspace files and lines you rely on as path:line.',
  fix:
    'Propose a fix for this production error in the workspace code: ' +
    'find the cause in the context below (the exception chain, ' +
    'the workspace source around each frame, the local variables, the breadcrumbs), ' +
    'then give the change as a short diff or code block for the workspace file and line to ' +
    'edit, cited as path:line, and say how to check it. ' +
    'Mention when the code changed since the release (lines marked moved or changed). ' +
    'Do not resolve the issue on Sentry unless asked.',
};

export function instructionOf(request: AssistantRequest): string {
  return instructions[request];
}

/** What the model reads: the instruction, the user's own words if any, then the issue's grounded context. */
export function requestPrompt(
  request: AssistantRequest,
  grounded: Pick<GroundedIssue, 'text'>,
  userWords = '',
): string {
  const words = userWords.trim();
  return `${instructionOf(request)}${words ? `\n\nThe developer adds: ${words}` : ''}\n\n--- Sentry issue context (scrubbed; source lines are today's workspace files) ---\n${grounded.text}`;
}

/** The chat query that asks the participant about one issue: `@sentry /explain SHOP-1A`. */
export function chatQuery(request: AssistantRequest, shortId: string): string {
  return `@${chatParticipantName} /${request} ${shortId}`;
}
