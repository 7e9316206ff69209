// Which parts of the page the user opened or closed (system frames, a frame's source lines), kept across redraws.

export class Toggles {
  private readonly overrides = new Map<string, boolean>();

  isOpen(key: string, openByDefault: boolean): boolean {
    return this.overrides.get(key) ?? openByDefault;
  }

  flip(key: string, openByDefault: boolean): void {
    this.overrides.set(key, !this.isOpen(key, openByDefault));
  }

  /** A different issue starts from its defaults. */
  clear(): void {
    this.overrides.clear();
  }
}
