// Source: https://github.com/blackboardsh/electrobun/pull/241
// Bug: none: this module owns the reply path of the client in 57-pending-deleted-by-reply-module.lib.ts; it deletes the pending entry on every reply, ok or error, and rejects and clears all of them when the port closes.
// expect: none

import { RpcClient, type MessagePortLike } from './57-pending-deleted-by-reply-module.lib.js';

export interface Reply {
  id: number;
  ok: boolean;
  result?: unknown;
  error?: string;
}

export function handleReply(client: RpcClient, reply: Reply): void {
  const call = client.pending.get(reply.id);
  if (!call) return;
  client.pending.delete(reply.id);
  if (reply.ok) call.resolve(reply.result);
  else call.reject(new Error(reply.error ?? `${call.method} failed`));
}

export function handlePortClosed(client: RpcClient): void {
  for (const call of client.pending.values()) call.reject(new Error(`${call.method}: port closed`));
  client.pending.clear();
}

export function connect(port: MessagePortLike): RpcClient {
  return new RpcClient(port);
}
