// Source: https://github.com/Lichess4545/Chesster/pull/280
// Bug: the subscription commands unlocked the database lock in every branch of their .then() callbacks, but a rejected query or destroy skipped those callbacks and left the lock held; the fix moved the unlock to .finally().
// expect: no-conditional-cleanup/cleanupSkippedOnThrow 19:5

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
  const subscriptions = await db.find(owner, id);
  if (subscriptions.length === 0) {
    dbLock.unlock();
    return 'That is not a valid subscription id';
  }
  if (subscriptions.length === 1) {
    await db.destroy(id);
    dbLock.unlock();
    return 'Subscription deleted';
  }
  dbLock.unlock();
  throw new Error('This should never occur');
}
