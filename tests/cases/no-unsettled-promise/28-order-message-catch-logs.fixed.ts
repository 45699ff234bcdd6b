// Source: https://github.com/dydxprotocol/v4-clients/pull/151
// Bug: fixed twin (the PR's fix): the executor takes `reject` and the `.catch()` calls it, so a failed message build rejects the order call.
// expect: none

export interface EncodedMessage {
  typeUrl: string;
  value: Uint8Array;
}

export interface OrderParams {
  marketId: string;
  side: 'BUY' | 'SELL';
  price: number;
  size: number;
}

export class CompositeClient {
  constructor(private readonly send: (msgs: () => Promise<EncodedMessage[]>) => Promise<string>) {}

  placeOrder(params: OrderParams): Promise<string> {
    const msgs = new Promise<EncodedMessage[]>((resolve, reject) => {
      const msg = this.placeOrderMessage(params);
      msg
        .then((it) => resolve([it]))
        .catch((err: unknown) => {
          console.log(err);
          reject(err instanceof Error ? err : new Error(String(err)));
        });
    });
    return this.send(() => msgs);
  }

  private async placeOrderMessage(params: OrderParams): Promise<EncodedMessage> {
    if (params.size <= 0) throw new Error(`invalid size ${String(params.size)}`);
    return { typeUrl: '/order.MsgPlaceOrder', value: new TextEncoder().encode(JSON.stringify(params)) };
  }
}
