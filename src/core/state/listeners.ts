// A minimal typed event source for the core, shaped like VS Code's Event so the editor can adapt it in one line.

export interface Unsubscribe {
  dispose(): void;
}

export class Listeners<T> {
  private readonly listeners = new Set<(value: T) => void>();

  readonly subscribe = (listener: (value: T) => void): Unsubscribe => {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  };

  fire(value: T): void {
    for (const listener of [...this.listeners]) listener(value);
  }
}
