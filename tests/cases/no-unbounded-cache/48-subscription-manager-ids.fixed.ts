// Source: https://github.com/apollographql/graphql-subscriptions/issues/14
// Bug: fixed (*idiomatic*, what the maintainer agreed to in the issue): unsubscribe() closes the pub/sub subscriptions and then deletes the entry.
// expect: none

export interface PubSub {
  subscribe(trigger: string, onMessage: (payload: unknown) => void): Promise<number>;
  unsubscribe(subId: number): void;
}

export interface SubscribeOptions {
  query: string;
  triggers: string[];
  callback: (error: Error | null, result?: unknown) => void;
}

export class SubscriptionManager {
  private readonly pubsub: PubSub;
  private maxSubscriptionId = 0;
  private subscriptions: { [externalId: number]: number[] };

  constructor(pubsub: PubSub) {
    this.pubsub = pubsub;
    this.subscriptions = {};
  }

  async subscribe(options: SubscribeOptions): Promise<number> {
    const externalId = this.maxSubscriptionId++;
    const internalIds: number[] = [];
    this.subscriptions[externalId] = internalIds;
    await Promise.all(
      options.triggers.map(async (trigger) => {
        const id = await this.pubsub.subscribe(trigger, (payload) => options.callback(null, payload));
        internalIds.push(id);
      }),
    );
    return externalId;
  }

  unsubscribe(externalId: number): void {
    for (const internalId of this.subscriptions[externalId] ?? []) this.pubsub.unsubscribe(internalId);
    delete this.subscriptions[externalId];
  }
}
