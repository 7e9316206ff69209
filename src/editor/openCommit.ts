// Open Commit: shows a suspect commit's changes. Through the built-in Git extension's API where it is present (the
// commit's files in VS Code's multi-file diff editor, as the Git extension shows a commit), else `git show` in a
// read-only document. Only in a trusted workspace and only for a workspace folder's repository.
import * as vscode from 'vscode';
import { BoundedCache } from '../core/resolve/boundedCache';
import { runGit } from '../core/suspect/gitCommand';
import { commitShaSchema } from '../core/format/issueViewModel';
import { commandIds } from './commandIds';

/** The part of the Git extension's API (`vscode.git`, API version 1, as its git.d.ts declares it) used here. */
interface GitApi {
  /** 'uninitialized' until the extension has looked for the workspace's repositories. */
  readonly state?: 'uninitialized' | 'initialized';
  readonly onDidChangeState?: vscode.Event<'uninitialized' | 'initialized'>;
  getRepository(uri: vscode.Uri): GitRepository | null;
  toGitUri(uri: vscode.Uri, ref: string): vscode.Uri;
}
interface GitRepository {
  getCommit(
    ref: string,
  ): Promise<{ readonly hash: string; readonly message: string; readonly parents: readonly string[] }>;
  diffBetween(
    ref1: string,
    ref2: string,
  ): Promise<ReadonlyArray<{ readonly uri: vscode.Uri; readonly originalUri: vscode.Uri; readonly status: number }>>;
}

/**
 * The Git extension's Status values (its git.d.ts) for a file the commit added or deleted. diffBetween reports an added
 * file as INDEX_ADDED, a deleted one as DELETED and a renamed one as INDEX_RENAMED (checked against VS Code's git
 * extension in code-server 4.139.1).
 */
const gitStatus = { indexAdded: 1, indexDeleted: 2, deleted: 6, untracked: 7 } as const;
const showScheme = 'sentry-insight-commit';

export function registerOpenCommit(): vscode.Disposable {
  const shown = new BoundedCache<string, string>(16, 8 * 1024 * 1024);
  const provider = vscode.workspace.registerTextDocumentContentProvider(showScheme, {
    provideTextDocumentContent: (uri) => shown.get(uri.toString()) ?? '',
  });
  const command = vscode.commands.registerCommand(commandIds.openCommit, async (target: unknown) => {
    const request = commitRequest(target);
    if (!request) {
      void vscode.window.showWarningMessage(
        'Sentry: Open Commit needs a commit of a workspace folder (from a hover or the issue panel).',
      );
      return;
    }
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(
        'Sentry: commits open only in a trusted workspace (git reads settings of the repository); trust the workspace first.',
      );
      return;
    }
    if (await openWithGitExtension(request.folder, request.sha)) return;
    const show = await runGit(request.folder.fsPath, [
      'show',
      '--no-color',
      '--no-ext-diff',
      '--no-textconv',
      '--stat',
      '--patch',
      '--end-of-options',
      request.sha,
      '--',
    ]);
    if (!show.ok) {
      void vscode.window.showErrorMessage(`Sentry: could not show commit ${request.sha.slice(0, 7)}: ${show.error}`);
      return;
    }
    const uri = vscode.Uri.from({ scheme: showScheme, path: `/${request.sha.slice(0, 12)}.diff` });
    shown.set(uri.toString(), show.value, show.value.length);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(await vscode.languages.setTextDocumentLanguage(document, 'diff'), {
      preview: true,
    });
  });
  return vscode.Disposable.from(provider, command);
}

/** `{ folder, sha }` naming a workspace folder and a full commit id; anything else is refused. */
function commitRequest(target: unknown): { folder: vscode.Uri; sha: string } | undefined {
  const { folder, sha } = (target ?? {}) as { folder?: unknown; sha?: unknown };
  if (typeof folder !== 'string' || !commitShaSchema.safeParse(sha).success) return undefined;
  const workspaceFolder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(folder));
  return workspaceFolder ? { folder: workspaceFolder.uri, sha: sha as string } : undefined;
}

/** False when the Git extension is missing or disabled, knows no repository there, or cannot diff the commit (a root commit). */
async function openWithGitExtension(folder: vscode.Uri, sha: string): Promise<boolean> {
  try {
    const git = await gitApi();
    if (!git) return false;
    await initialized(git);
    const repository = git.getRepository(folder);
    if (!repository) return false;
    const commit = await repository.getCommit(sha);
    if (commit.parents.length === 0) return false;
    const changes = await repository.diffBetween(`${sha}^`, sha);
    const resources = changes.map((change) => {
      const added = change.status === gitStatus.indexAdded || change.status === gitStatus.untracked;
      const deleted = change.status === gitStatus.indexDeleted || change.status === gitStatus.deleted;
      return [
        change.uri,
        added ? undefined : git.toGitUri(change.originalUri, `${sha}^`),
        deleted ? undefined : git.toGitUri(change.uri, sha),
      ];
    });
    const title = `${sha.slice(0, 7)} ${commit.message.split('\n', 1)[0] ?? ''}`.trim();
    await vscode.commands.executeCommand('vscode.changes', title, resources);
    return true;
  } catch {
    return false;
  }
}

async function gitApi(): Promise<GitApi | undefined> {
  const extension = vscode.extensions.getExtension<{ enabled?: boolean; getAPI?(version: 1): GitApi }>('vscode.git');
  if (!extension) return undefined;
  const exports = extension.isActive ? extension.exports : await extension.activate();
  return exports.enabled === false || typeof exports.getAPI !== 'function' ? undefined : exports.getAPI(1);
}

/** How long Open Commit waits for the Git extension to find the workspace's repositories before using `git show`. */
const gitInitWaitMs = 5000;

/** Resolves once the Git extension has looked for repositories, or after gitInitWaitMs. */
async function initialized(git: GitApi): Promise<void> {
  if (git.state !== 'uninitialized' || !git.onDidChangeState) return;
  const onDidChangeState = git.onDidChangeState;
  let timer: NodeJS.Timeout | undefined;
  let listener: vscode.Disposable | undefined;
  try {
    await new Promise<void>((resolve) => {
      timer = setTimeout(resolve, gitInitWaitMs);
      listener = onDidChangeState((state) => {
        if (state === 'initialized') resolve();
      });
    });
  } finally {
    clearTimeout(timer);
    listener?.dispose();
  }
}
