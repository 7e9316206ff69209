// A base class for things that own disposables (VS Code's own `Disposable` with `_register()`): what one open panel
// registers is released together when the panel closes, in reverse order, each exactly once.

export interface DisposableLike {
  dispose(): void;
}

export abstract class Lifetime implements DisposableLike {
  private readonly owned: DisposableLike[] = [];
  private disposed = false;

  protected get isDisposed(): boolean {
    return this.disposed;
  }

  /** Owns `disposable` from now on; one registered after the end is disposed at once. */
  protected _register<T extends DisposableLike>(disposable: T): T {
    if (this.disposed) disposable.dispose();
    else this.owned.push(disposable);
    return disposable;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const disposable of this.owned.splice(0).reverse()) {
      try {
        disposable.dispose();
      } catch {
        // One failing listener must not keep the others alive.
      }
    }
  }
}
