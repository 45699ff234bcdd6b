// Source: https://github.com/MystenLabs/sui/pull/12622
// Bug: the SDK's websocket client keys subscriptions by request id; on reconnect it resubscribes every stored subscription under a fresh request id without deleting the old key, so the map grows with every reconnect (its size followed the Fibonacci numbers) until the node refused more subscriptions.
// expect: no-unbounded-cache/mapNeverShrinks 23:20

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
    const requestId = ++this.requestCounter;
    const serverSubscriptionId = await this.socket.request(input.method, input.params);
    this.subscriptions.set(requestId, { ...input, serverSubscriptionId });
    return async () => {
      this.subscriptions.delete(requestId);
      await this.socket.request(input.unsubscribe, [serverSubscriptionId]);
    };
  }

  reconnect(): void {
    this.socket.close();
    this.socket = this.connect();
    for (const subscription of [...this.subscriptions.values()]) void this.subscribe(subscription);
  }
}
