// Source: https://github.com/jetkvm/kvm/pull/1570
// Bug: fixed (the PR): the callback is dropped when the send throws, and the reply handler deletes the entry before invoking the callback, so neither failure leaves it behind.
// expect: none

export interface RpcChannel {
  readyState: 'connecting' | 'open' | 'closing' | 'closed';
  send(data: string): void;
}

export interface JsonRpcResponse {
  jsonrpc: '2.0';
  id: number;
  result?: unknown;
  error?: { code: number; message: string };
}

interface JsonRpcRequest {
  jsonrpc: '2.0';
  id: number;
  method: string;
  params: Record<string, unknown>;
}

const callbackStore = new Map<number, (response: JsonRpcResponse) => void>();
let requestCounter = 0;

export function send(
  channel: RpcChannel,
  method: string,
  params: Record<string, unknown>,
  callback?: (response: JsonRpcResponse) => void,
): void {
  if (channel.readyState !== 'open') return;
  requestCounter++;
  const request: JsonRpcRequest = { jsonrpc: '2.0', id: requestCounter, method, params };
  if (callback) callbackStore.set(request.id, callback);
  try {
    channel.send(JSON.stringify(request));
  } catch (error) {
    callbackStore.delete(request.id);
    throw error;
  }
}

export function onChannelMessage(data: string): void {
  const response = JSON.parse(data) as JsonRpcResponse;
  const callback = callbackStore.get(response.id);
  if (!callback) return;
  callbackStore.delete(response.id);
  callback(response);
}
