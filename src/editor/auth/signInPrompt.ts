// The sign-in conversation: server URL, then the auth token (hidden), verified against that server before it is
// kept; a refused token shows the server's reason and lets the user try again. Never shows or logs the token.
import * as vscode from 'vscode';
import type { TokenInfo } from '../../core/api/client';
import type { ApiError } from '../../core/api/errors';
import { defaultSentryUrl } from '../../core/config';
import type { Logger } from '../../core/log';
import type { Result } from '../../core/result';
import { serverAddress, serverLabel, sessionLabel, type ServerAddress, type StoredSession } from './storedSession';
import { missingScopes, missingScopesWarning, neededScopes, tokenFormatError, tokenKindWarning } from './tokenChecks';

/** Asks the server who the token belongs to and what it may do (`GET /api/0/`). */
export type TokenVerifier = (url: string, token: string) => Promise<Result<TokenInfo, ApiError>>;

export interface SignInPromptDeps {
  /** The URL offered first: what the folder's configuration names (see signInServer.ts); sentry.io when undefined. */
  readonly defaultUrl: () => Promise<string | undefined>;
  readonly verifyToken: TokenVerifier;
  readonly log: Logger;
}

type Step =
  | { readonly kind: 'url'; readonly value: string }
  | { readonly kind: 'token'; readonly address: ServerAddress }
  | { readonly kind: 'done'; readonly session?: StoredSession };

/** Resolves to the verified session, or undefined when the user gave up. */
export async function promptForSession(deps: SignInPromptDeps): Promise<StoredSession | undefined> {
  let step: Step = { kind: 'url', value: (await deps.defaultUrl()) ?? defaultSentryUrl };
  for (;;) {
    if (step.kind === 'done') return step.session;
    step = step.kind === 'url' ? await askServer(step.value) : await askToken(step.address, deps);
  }
}

async function askServer(value: string): Promise<Step> {
  const url = await vscode.window.showInputBox({
    title: 'Sign in to Sentry (1/2): server',
    prompt:
      'The Sentry server: https://sentry.io, a region such as https://de.sentry.io, a self-hosted Sentry or GlitchTip.',
    value,
    ignoreFocusOut: true,
    validateInput: (text) => {
      const address = serverAddress(text);
      return address.ok ? undefined : `Not a server URL: ${address.error}.`;
    },
  });
  if (url === undefined) return { kind: 'done' };
  const address = serverAddress(url);
  return address.ok ? { kind: 'token', address: address.value } : { kind: 'url', value: url };
}

async function askToken(address: ServerAddress, deps: SignInPromptDeps): Promise<Step> {
  const token = await vscode.window.showInputBox({
    title: `Sign in to Sentry (2/2): auth token for ${serverLabel(address.url)}`,
    prompt:
      `A user auth token from ${address.url}/settings/account/api/auth-tokens/ with the scopes ` +
      `${neededScopes.join(', ')}. It is kept in VS Code's secret storage and sent only to ` +
      `${address.origin}.`,
    password: true,
    ignoreFocusOut: true,
    validateInput: (text) => {
      const error = tokenFormatError(text);
      if (error) return { message: error, severity: vscode.InputBoxValidationSeverity.Error };
      const warning = tokenKindWarning(text);
      return warning ? { message: warning, severity: vscode.InputBoxValidationSeverity.Warning } : undefined;
    },
  });
  if (token === undefined) return { kind: 'url', value: address.url };
  return verify(address, token.trim(), deps);
}

async function verify(address: ServerAddress, token: string, deps: SignInPromptDeps): Promise<Step> {
  const answer = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Checking the token with ${serverLabel(address.url)}…` },
    () => deps.verifyToken(address.url, token),
  );
  if (!answer.ok) {
    deps.log.warn(`Sign-in to ${address.url} failed: ${answer.error.message}`);
    const choice = await vscode.window.showErrorMessage(answer.error.message, 'Try Another Token', 'Change Server');
    if (choice === 'Try Another Token') return { kind: 'token', address };
    if (choice === 'Change Server') return { kind: 'url', value: address.url };
    return { kind: 'done' };
  }
  const session: StoredSession = {
    url: address.url,
    token,
    user: userOf(answer.value),
    scopes: [...answer.value.scopes],
  };
  if (!(await acceptScopes(session))) return { kind: 'token', address };
  deps.log.info(`Signed in as ${sessionLabel(session)} (scopes: ${session.scopes.join(', ') || 'not reported'})`);
  return { kind: 'done', session };
}

function userOf(info: TokenInfo): StoredSession['user'] {
  const user = info.user;
  if (!user) return undefined;
  return { id: user.id, email: user.email || undefined, name: user.name || undefined };
}

/**
 * A token that cannot read events is useless here, so the user confirms keeping it; one that only cannot write
 * works for everything but triage, so a warning is enough.
 */
async function acceptScopes(session: StoredSession): Promise<boolean> {
  const warning = missingScopesWarning(session.scopes);
  if (!warning) return true;
  if (!missingScopes(session.scopes).includes('event:read')) {
    void vscode.window.showWarningMessage(warning);
    return true;
  }
  const keep = await vscode.window.showWarningMessage(
    warning,
    { modal: true, detail: `Create a token with ${neededScopes.join(', ')}.` },
    'Keep This Token',
    'Enter Another Token',
  );
  return keep === 'Keep This Token';
}
