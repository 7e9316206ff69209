// Checks of a pasted auth token before and after the server verifies it: the wrong kind of token, missing scopes.
import { readOrgAuthToken } from '../../core/config';

/** What Sentry Insight needs: listing (org, project), reading issues and events, and triage. */
export const neededScopes = ['org:read', 'project:read', 'event:read', 'event:write'] as const;

/** A reason the text cannot be a token at all (blocks the input), or undefined. */
export function tokenFormatError(token: string): string | undefined {
  const text = token.trim();
  if (text === '') return 'Paste an auth token.';
  if (/\s/.test(text)) return 'An auth token has no spaces or line breaks.';
  return undefined;
}

/** A warning about a token that is well-formed but probably the wrong kind, or undefined. */
export function tokenKindWarning(token: string): string | undefined {
  if (!readOrgAuthToken(token.trim())) return undefined;
  return 'This is an organization auth token (sntrys_): it can upload releases and source maps but cannot read issues. Use a user auth token (User Settings > Personal Tokens).';
}

/** The needed scopes the token lacks; none when the server did not say (an empty list tells nothing). */
export function missingScopes(scopes: readonly string[]): string[] {
  if (scopes.length === 0) return [];
  // Higher scopes include lower ones: event:admin covers event:write and event:read, and so on.
  const has = (scope: string): boolean => {
    const [resource, level] = scope.split(':');
    const levels = ['read', 'write', 'admin'];
    return scopes.some((held) => {
      const [heldResource, heldLevel] = held.split(':');
      return heldResource === resource && levels.indexOf(heldLevel ?? '') >= levels.indexOf(level ?? '');
    });
  };
  return neededScopes.filter((scope) => !has(scope));
}

/** What will not work without the missing scopes, as one sentence, or undefined when nothing is missing. */
export function missingScopesWarning(scopes: readonly string[]): string | undefined {
  const missing = missingScopes(scopes);
  if (missing.length === 0) return undefined;
  const effects: string[] = [];
  if (missing.includes('event:read')) effects.push('issues cannot be read');
  if (missing.includes('event:write')) effects.push('resolve, archive and assign will fail');
  if (missing.includes('org:read') || missing.includes('project:read'))
    effects.push('organizations, projects or releases cannot be listed');
  return `The token lacks the scope${missing.length === 1 ? '' : 's'} ${missing.join(', ')}: ${effects.join('; ')}.`;
}
