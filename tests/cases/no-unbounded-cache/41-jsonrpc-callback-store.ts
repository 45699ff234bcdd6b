// Source: https://github.com/jetkvm/kvm/pull/1570
// Bug: the JSON-RPC client parks each request's callback in a module-level Map before sending; the entry is deleted only after a reply's callback has run, so a send that throws on a closing channel, or a callback that throws, leaves the entry behind forever.
// expect: no-unbounded-cache/mapNeverShrinks 25:7
// not yet: a delete on the reply path only (skipped when the send or the callback throws) is taken as bounding the map

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
  channel.send(JSON.stringify(request));
}

export function onChannelMessage(data: string): void {
  const response = JSON.parse(data) as JsonRpcResponse;
  const callback = callbackStore.get(response.id);
  if (!callback) return;
  callback(response);
  callbackStore.delete(response.id);
}
