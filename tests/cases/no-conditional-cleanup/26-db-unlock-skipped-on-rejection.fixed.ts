// Source: https://github.com/Lichess4545/Chesster/pull/280
// Bug: fixed: the branches only compute the reply and the lock is released once in finally, so rejected queries unlock too.
// expect: none

export interface DbLock {
  lock(): Promise<void>;
  unlock(): void;
}

export interface SubscriptionStore {
  find(owner: string, id: number): Promise<unknown[]>;
  destroy(id: number): Promise<void>;
}

export async function removeSubscription(db: SubscriptionStore, dbLock: DbLock, owner: string, id: number): Promise<string> {
  await dbLock.lock();
  try {
    const subscriptions = await db.find(owner, id);
    if (subscriptions.length === 0) {
      return 'That is not a valid subscription id';
    }
    if (subscriptions.length === 1) {
      await db.destroy(id);
      return 'Subscription deleted';
    }
    throw new Error('This should never occur');
  } finally {
    dbLock.unlock();
  }
}
