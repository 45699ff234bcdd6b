// Source: https://github.com/dydxprotocol/v4-clients/pull/151
// Bug: the order helper built its message list in a `new Promise` that resolved from `.then()` and only logged in `.catch()`; when building the message failed the promise never settled and the awaiting order call hung.
// expect: no-unsettled-promise/callbackPathNeverSettles 25:16

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
    const msgs = new Promise<EncodedMessage[]>((resolve) => {
      const msg = this.placeOrderMessage(params);
      msg
        .then((it) => resolve([it]))
        .catch((err: unknown) => {
          console.log(err);
        });
    });
    return this.send(() => msgs);
  }

  private async placeOrderMessage(params: OrderParams): Promise<EncodedMessage> {
    if (params.size <= 0) throw new Error(`invalid size ${String(params.size)}`);
    return { typeUrl: '/order.MsgPlaceOrder', value: new TextEncoder().encode(JSON.stringify(params)) };
  }
}
