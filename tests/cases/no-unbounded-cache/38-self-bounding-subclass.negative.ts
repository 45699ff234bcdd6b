// Source: https://github.com/typescript-community/community-bot/issues/71
// Bug: none: the store is a Map subclass whose set() evicts the oldest entry past its limit (the LimitedSizeMap the bot adopted), so growth through set() is bounded by the class itself.
// expect: none

class LimitedSizeMap<K, V> extends Map<K, V> {
  constructor(private readonly limit: number) {
    super();
  }

  override set(key: K, value: V): this {
    super.set(key, value);
    if (this.size > this.limit) {
      const oldest = this.keys().next();
      if (!oldest.done) this.delete(oldest.value);
    }
    return this;
  }
}

const replies = new LimitedSizeMap<string, string>(1000);

export function rememberReply(messageId: string, replyId: string): void {
  replies.set(messageId, replyId);
}

export function replyFor(messageId: string): string | undefined {
  return replies.get(messageId);
}
