// Source: https://github.com/openclaw/openclaw/issues/6764
// Bug: fixed (openclaw): the outer map is capped at MAX_CHATS and the oldest chat entry is evicted before a new chat is added.
// expect: none

const TTL_MS = 24 * 60 * 60 * 1000;
const MAX_CHATS = 5000;

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
  if (sentMessages.size >= MAX_CHATS && !sentMessages.has(key)) {
    const oldest = sentMessages.keys().next().value;
    if (oldest !== undefined) sentMessages.delete(oldest);
  }
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
