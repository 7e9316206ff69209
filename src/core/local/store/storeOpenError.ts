// The store could not be opened at all (its path is a folder, no permission, a full or read-only disk): a typed error
// whose message names the path, the cause and what to do, kept apart from the server's port errors.

export class StoreOpenError extends Error {
  constructor(
    readonly path: string,
    readonly code: string | undefined,
    detail: string,
  ) {
    super(`The local Sentry store ${path} cannot be opened: ${detail}`);
    this.name = 'StoreOpenError';
  }

  /** Wraps a file system error met while opening the store at `path`. */
  static of(path: string, error: unknown): StoreOpenError {
    if (error instanceof StoreOpenError) return error;
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    return new StoreOpenError(path, code, detailOf(code, error));
  }
}

function detailOf(code: string | undefined, error: unknown): string {
  switch (code) {
    case 'EISDIR':
      return 'it is a folder, not a file. Move the folder away, or choose another store folder.';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'a file stands where its folder should be. Move the file away, or choose another store folder.';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied. Give your user access to it, or choose another store folder.';
    case 'ENOSPC':
      return 'the disk is full. Free some space and start again.';
    case 'EROFS':
      return 'the file system is read-only. Choose a store folder on a writable disk.';
    default:
      return `${error instanceof Error ? error.message : String(error)}. Check the path, or choose another store folder.`;
  }
}
