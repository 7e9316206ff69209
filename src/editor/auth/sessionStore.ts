// Keeps signed-in servers in SecretStorage, one entry per server origin plus a list of the origins, and answers
// "which token for this URL?" by exact origin only. Written against a small interface so it is tested in Node.
import {
  parseSessionIndex,
  parseStoredSession,
  serverAddress,
  sessionIndexKey,
  sessionKeyOf,
  type StoredSession,
} from './storedSession';

/** The part of vscode.SecretStorage the store uses. */
export interface SecretStore {
  get(key: string): PromiseLike<string | undefined>;
  store(key: string, value: string): PromiseLike<void>;
  delete(key: string): PromiseLike<void>;
}

export interface StoredServer {
  readonly origin: string;
  readonly session: StoredSession;
}

/** The server whose origin is exactly the URL's: a token entered for one host is never sent to another. */
export function findServer(servers: readonly StoredServer[], url: string): StoredServer | undefined {
  const address = serverAddress(url);
  return address.ok ? servers.find((server) => server.origin === address.value.origin) : undefined;
}

export class SessionStore {
  /** Index updates run one after another, so two sign-ins at once do not lose an origin. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly secrets: SecretStore) {}

  /** Every stored server, in sign-in order; entries that are missing or do not parse are skipped. */
  async list(): Promise<StoredServer[]> {
    const origins = parseSessionIndex(await this.secrets.get(sessionIndexKey));
    const entries = await Promise.all(
      origins.map(async (origin) => {
        const session = parseStoredSession(await this.secrets.get(sessionKeyOf(origin)), origin);
        return session.ok ? [{ origin, session: session.value }] : [];
      }),
    );
    return entries.flat();
  }

  /** The session for exactly this server's origin: a token entered for one host is never sent to another. */
  async find(url: string): Promise<StoredServer | undefined> {
    return findServer(await this.list(), url);
  }

  /** Stores a verified session under its origin, replacing an earlier one for the same host. */
  save(session: StoredSession): Promise<StoredServer> {
    return this.serialized(async () => {
      const address = serverAddress(session.url);
      if (!address.ok) throw new Error(`Cannot store a session for an invalid server URL: ${address.error}`);
      const origin = address.value.origin;
      await this.secrets.store(sessionKeyOf(origin), JSON.stringify({ ...session, url: address.value.url }));
      const origins = parseSessionIndex(await this.secrets.get(sessionIndexKey));
      if (!origins.includes(origin)) await this.secrets.store(sessionIndexKey, JSON.stringify([...origins, origin]));
      return { origin, session: { ...session, url: address.value.url } };
    });
  }

  /** Deletes the secret of one origin; resolves to whether there was one. */
  remove(origin: string): Promise<boolean> {
    return this.serialized(async () => {
      const origins = parseSessionIndex(await this.secrets.get(sessionIndexKey));
      const had = (await this.secrets.get(sessionKeyOf(origin))) !== undefined;
      await this.secrets.delete(sessionKeyOf(origin));
      if (origins.includes(origin))
        await this.secrets.store(sessionIndexKey, JSON.stringify(origins.filter((other) => other !== origin)));
      return had || origins.includes(origin);
    });
  }

  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
