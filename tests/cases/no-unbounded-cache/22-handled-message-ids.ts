// Source: https://github.com/antiwork/helper/pull/682
// Bug: the realtime hook remembers every one-time message id it has handled in a global Set, which survives component remounts and is never pruned, so long sessions accumulate ids without limit.
// expect: no-unbounded-cache/mapNeverShrinks 11:7

export interface RealtimeMessage {
  id: string;
  event: string;
  data: unknown;
}

const handledOneTimeMessageIds = new Set<string>();

export function handleOnce(message: RealtimeMessage, handler: (data: unknown) => void): boolean {
  if (handledOneTimeMessageIds.has(message.id)) return false;
  handledOneTimeMessageIds.add(message.id);
  handler(message.data);
  return true;
}
