// What the pickers need to reach Sentry for one workspace folder, provided by whoever owns the connections: an API
// client for the folder's server and token, and the organization and project the folder already resolves to.
import type * as vscode from 'vscode';
import type { SentryClient } from '../../core/api/client';
import type { Result } from '../../core/result';

export interface FolderServer {
  readonly client: SentryClient;
  /** The normalized server URL. */
  readonly url: string;
  /** From the settings, SENTRY_ORG/SENTRY_PROJECT, `.sentryclirc` or `sentry.properties`: preselected in the pickers. */
  readonly org?: string;
  readonly project?: string;
}

export interface ServerProblem {
  /** `signedOut`: no token for the folder's server, so the message offers to sign in. */
  readonly kind: 'signedOut' | 'unavailable';
  readonly message: string;
}

/** Gives a client even when no organization or project is chosen yet (the project picker is how they get chosen). */
export type ServerOfFolder = (folder: vscode.WorkspaceFolder) => Promise<Result<FolderServer, ServerProblem>>;
