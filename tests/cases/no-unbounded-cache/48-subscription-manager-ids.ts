// Source: https://github.com/apollographql/graphql-subscriptions/issues/14
// Bug: the subscription manager maps each external subscription id to the pub/sub ids it opened, and unsubscribe() closes those but never removes the entry, so the map keeps every subscription the server has ever had.
// expect: no-unbounded-cache/objectNeverShrinks 19:11

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
  }
}
