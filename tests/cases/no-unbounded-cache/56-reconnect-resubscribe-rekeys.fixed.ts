// Source: https://github.com/MystenLabs/sui/pull/12622
// Bug: fixed (the PR deletes the existing key before storing the resubscription under its new request id): reconnect() moves each subscription to its new key instead of duplicating it, and unsubscribing deletes whichever key the subscription holds now.
// expect: none

export interface RpcSocket {
  request(method: string, params: unknown[]): Promise<number>;
  close(): void;
}

export interface SubscriptionInput {
  method: string;
  unsubscribe: string;
  params: unknown[];
  onMessage: (event: unknown) => void;
}

interface ActiveSubscription extends SubscriptionInput {
  requestId: number;
  serverSubscriptionId: number;
}

export class WebsocketClient {
  private requestCounter = 0;
  private readonly subscriptions = new Map<number, ActiveSubscription>();
  private socket: RpcSocket;

  constructor(private readonly connect: () => RpcSocket) {
    this.socket = connect();
  }

  async subscribe(input: SubscriptionInput): Promise<() => Promise<void>> {
    const subscription = await this.open(input);
    return async () => {
      this.subscriptions.delete(subscription.requestId);
      await this.socket.request(input.unsubscribe, [subscription.serverSubscriptionId]);
    };
  }

  reconnect(): void {
    this.socket.close();
    this.socket = this.connect();
    for (const subscription of [...this.subscriptions.values()]) {
      void this.open(subscription).then((fresh) => {
        this.subscriptions.delete(subscription.requestId);
        subscription.requestId = fresh.requestId;
        subscription.serverSubscriptionId = fresh.serverSubscriptionId;
        this.subscriptions.set(fresh.requestId, subscription);
      });
    }
  }

  private async open(input: SubscriptionInput): Promise<ActiveSubscription> {
    const requestId = ++this.requestCounter;
    const serverSubscriptionId = await this.socket.request(input.method, input.params);
    const subscription: ActiveSubscription = { ...input, requestId, serverSubscriptionId };
    this.subscriptions.set(requestId, subscription);
    return subscription;
  }
}
