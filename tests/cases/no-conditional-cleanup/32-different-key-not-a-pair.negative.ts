// Source: https://github.com/krimlabs/eiphop/issues/2
// Bug: none: rotating a session token adds the new token and, only when there is one, deletes the old token; the set and the delete use different keys, so they are not an acquire/release pair.
// expect: none

export interface SessionStore {
  persist(userId: string, token: string): Promise<void>;
}

export class SessionIndex {
  private readonly byToken = new Map<string, string>();

  constructor(private readonly store: SessionStore) {}

  lookup(token: string): string | undefined {
    return this.byToken.get(token);
  }

  revoke(token: string): void {
    this.byToken.delete(token);
  }

  async rotate(userId: string, newToken: string, oldToken: string | undefined): Promise<void> {
    this.byToken.set(newToken, userId);
    await this.store.persist(userId, newToken);
    if (oldToken !== undefined) {
      this.byToken.delete(oldToken);
    }
  }
}
