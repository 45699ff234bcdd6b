// Source: https://github.com/antiwork/helper/pull/682
// Bug: fixed (as helper PR #682 proposed): ids older than five minutes are pruned, and the set is capped at 500 entries by dropping the oldest.
// expect: none

export interface RealtimeMessage {
  id: string;
  event: string;
  data: unknown;
}

const MAX_HANDLED_IDS = 500;
const MESSAGE_TTL_MS = 5 * 60 * 1000;
const handledOneTimeMessageIds = new Map<string, number>();

export function handleOnce(message: RealtimeMessage, handler: (data: unknown) => void, now = Date.now()): boolean {
  if (handledOneTimeMessageIds.has(message.id)) return false;
  for (const [id, handledAt] of handledOneTimeMessageIds) {
    if (now - handledAt <= MESSAGE_TTL_MS && handledOneTimeMessageIds.size < MAX_HANDLED_IDS) break;
    handledOneTimeMessageIds.delete(id);
  }
  handledOneTimeMessageIds.set(message.id, now);
  handler(message.data);
  return true;
}
