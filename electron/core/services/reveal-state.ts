// What the user has deliberately revealed in this session, each with an expiry. Held only in memory and
// cleared on every lock, so a reveal never outlives the unlocked session.

/** How long a reveal lasts before the item is hidden again. */
export const REVEAL_MINUTES = 10;

export class RevealState {
  private readonly people = new Map<string, number>();
  private readonly confidential = new Map<string, number>();
  private protectedSearchUntil = 0;

  constructor(private readonly now: () => number) {}

  private until(): number {
    return this.now() + REVEAL_MINUTES * 60_000;
  }

  revealPerson(personId: string): number {
    const until = this.until();
    this.people.set(personId, until);
    return until;
  }

  isPersonRevealed(personId: string): boolean {
    return (this.people.get(personId) ?? 0) > this.now();
  }

  hidePerson(personId: string): void {
    this.people.delete(personId);
  }

  /** Confidential items are revealed per matter (key: matter id, or `*` for confidential matters themselves). */
  revealConfidential(scope: string): number {
    const until = this.until();
    this.confidential.set(scope, until);
    return until;
  }

  isConfidentialRevealed(scope: string): boolean {
    return (this.confidential.get(scope) ?? 0) > this.now();
  }

  /** When the reveal of this scope ends (0: not revealed). */
  confidentialRevealedUntil(scope: string): number {
    return this.isConfidentialRevealed(scope) ? this.confidential.get(scope)! : 0;
  }

  /** Every scope (matter id, or a list scope) whose confidential items are visible right now. */
  revealedConfidentialScopes(): string[] {
    const now = this.now();
    return [...this.confidential].filter(([, until]) => until > now).map(([scope]) => scope);
  }

  unlockProtectedSearch(): number {
    this.protectedSearchUntil = this.until();
    return this.protectedSearchUntil;
  }

  isProtectedSearchUnlocked(): boolean {
    return this.protectedSearchUntil > this.now();
  }

  clear(): void {
    this.people.clear();
    this.confidential.clear();
    this.protectedSearchUntil = 0;
  }
}
