// Source: https://github.com/openclaw/openclaw/issues/6764
// Bug: the sent-message cache prunes expired message ids inside each chat's entry, but the outer Map keyed by chat id is never cleaned, so a bot that talks to many chats keeps one entry per chat forever.
// expect: no-unbounded-cache/mapNeverShrinks 11:7

const TTL_MS = 24 * 60 * 60 * 1000;

interface CacheEntry {
  timestamps: Map<number, number>;
}

const sentMessages = new Map<string, CacheEntry>();

function cleanupExpired(entry: CacheEntry, now: number): void {
  for (const [messageId, sentAt] of entry.timestamps) {
    if (now - sentAt > TTL_MS) entry.timestamps.delete(messageId);
  }
}

export function recordSentMessage(chatId: number | string, messageId: number, now = Date.now()): void {
  const key = String(chatId);
  let entry = sentMessages.get(key);
  if (!entry) {
    entry = { timestamps: new Map() };
    sentMessages.set(key, entry);
  }
  entry.timestamps.set(messageId, now);
  if (entry.timestamps.size > 100) cleanupExpired(entry, now);
}

export function wasSentByBot(chatId: number | string, messageId: number): boolean {
  const entry = sentMessages.get(String(chatId));
  return entry !== undefined && entry.timestamps.has(messageId);
}
