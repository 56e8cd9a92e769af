// Transactions on one connection take turns: an async transaction may await between statements, and another one
// must not begin on the same connection meanwhile. First come, first served; no promise when nobody waits.
export class Turns {
  private busy = false;
  private readonly waiting: (() => void)[] = [];

  /** Resolves when it is the caller's turn; the caller must call end() exactly once after. */
  begin(): Promise<void> | undefined {
    if (!this.busy) {
      this.busy = true;
      return undefined;
    }
    return new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  end(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.busy = false;
  }
}
