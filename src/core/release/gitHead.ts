// Reads the commit SHA that HEAD points at straight from the `.git` directory, without spawning git: loose refs, packed-refs, worktrees, submodules.
import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { err, ok, type Result } from '../result';

/** SHA-1 repositories have 40 hex digits, SHA-256 ones 64. */
const objectId = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i;
/** Symbolic refs can point at symbolic refs; git itself gives up after 5 levels. */
const maxSymbolicDepth = 5;

interface GitDirs {
  /** Where HEAD and per-worktree refs live (`.git`, or `.git/worktrees/<name>`, or `.git/modules/<name>`). */
  readonly gitDir: string;
  /** Where shared refs and packed-refs live; the same as gitDir except in a linked worktree. */
  readonly commonDir: string;
}

/** The full commit SHA of HEAD for the repository containing `startDir`, or the reason there is none. */
export async function readGitHead(startDir: string): Promise<Result<string, string>> {
  const dirs = await findGitDirs(resolve(startDir));
  if (!dirs.ok) return dirs;
  const head = await readTrimmed(join(dirs.value.gitDir, 'HEAD'));
  if (head === undefined) return err(`${dirs.value.gitDir} has no readable HEAD`);
  return resolveRefContent(dirs.value, head, 0);
}

/** Walks up from `startDir` like git does, so a workspace folder inside a repository finds it. */
async function findGitDirs(startDir: string): Promise<Result<GitDirs, string>> {
  for (let dir = startDir; ; dir = dirname(dir)) {
    const dotGit = join(dir, '.git');
    const gitDir = await gitDirAt(dotGit);
    if (gitDir !== undefined)
      return gitDir === null ? err(`${dotGit} is a file without a gitdir line`) : ok(await withCommonDir(gitDir));
    if (dirname(dir) === dir) return err(`no .git found in ${startDir} or above`);
  }
}

/** The git directory named by `.git`: itself when a directory, its `gitdir:` target when a file (worktrees, submodules). */
async function gitDirAt(dotGit: string): Promise<string | null | undefined> {
  const info = await stat(dotGit).catch(() => undefined);
  if (info === undefined) return undefined;
  if (info.isDirectory()) return dotGit;
  const content = await readTrimmed(dotGit);
  const target = content === undefined ? undefined : /^gitdir:\s*(.+)$/m.exec(content)?.[1]?.trim();
  if (!target) return null;
  return isAbsolute(target) ? target : resolve(dirname(dotGit), target);
}

async function withCommonDir(gitDir: string): Promise<GitDirs> {
  const common = await readTrimmed(join(gitDir, 'commondir'));
  if (!common) return { gitDir, commonDir: gitDir };
  return { gitDir, commonDir: isAbsolute(common) ? common : resolve(gitDir, common) };
}

async function resolveRefContent(dirs: GitDirs, content: string, depth: number): Promise<Result<string, string>> {
  if (objectId.test(content)) return ok(content.toLowerCase());
  const ref = /^ref:\s*(\S+)$/.exec(content)?.[1];
  if (ref === undefined) return err('HEAD holds neither a commit SHA nor a ref');
  if (!isSafeRefName(ref)) return err(`HEAD points at an unusual ref name`);
  if (depth >= maxSymbolicDepth) return err(`the ref chain from HEAD is longer than ${maxSymbolicDepth}`);
  return resolveRef(dirs, ref, depth + 1);
}

/** Loose refs win over packed-refs, as in git; a per-worktree gitDir is tried before the shared one. */
async function resolveRef(dirs: GitDirs, ref: string, depth: number): Promise<Result<string, string>> {
  for (const dir of new Set([dirs.gitDir, dirs.commonDir])) {
    const loose = await readTrimmed(join(dir, ref));
    if (loose !== undefined) return resolveRefContent(dirs, loose, depth);
  }
  const packed = await readPackedRef(dirs.commonDir, ref);
  if (packed !== undefined) return ok(packed);
  if (await isDirectory(join(dirs.commonDir, 'reftable')))
    return err('the repository stores refs in reftable format, which is not read');
  return err(`${ref} does not exist yet (no commit on this branch)`);
}

/** `packed-refs` lines are `<sha> <ref>`; `^<sha>` lines (peeled tags) and the `#` header are skipped. */
async function readPackedRef(commonDir: string, ref: string): Promise<string | undefined> {
  const text = await readFile(join(commonDir, 'packed-refs'), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  for (const line of text.split(/\r?\n/)) {
    const [sha, name] = line.trim().split(/\s+/);
    if (name === ref && sha !== undefined && objectId.test(sha)) return sha.toLowerCase();
  }
  return undefined;
}

/** Keeps a crafted HEAD from sending us to read files outside the git directory. */
function isSafeRefName(ref: string): boolean {
  return (
    ref.startsWith('refs/') &&
    !ref.split('/').some((part) => part === '' || part === '.' || part === '..') &&
    !ref.includes('\\')
  );
}

async function readTrimmed(path: string): Promise<string | undefined> {
  const text = await readFile(path, 'utf8').catch(() => undefined);
  return text?.trim();
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}
