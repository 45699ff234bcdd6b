// Source: https://github.com/solvelab/keeping-an-eye-on-the-chat/issues/9
// Bug: fixed (the project's BoundedIdSet): the dedupe set keeps only the most recent ids and drops the oldest once it passes its limit.
// expect: none

export interface ChatMessage {
  id: string;
  user: string;
  text: string;
}

const SEEN_ID_LIMIT = 2000;

export class DisplayController {
  private readonly queue: ChatMessage[] = [];
  private seenIds: Set<string>;
  private readonly maxQueueLength: number;

  constructor(maxQueueLength = 50) {
    this.maxQueueLength = maxQueueLength;
    this.seenIds = new Set();
  }

  enqueue(message: ChatMessage): void {
    if (this.seenIds.has(message.id)) return;
    this.seenIds.add(message.id);
    if (this.seenIds.size > SEEN_ID_LIMIT) {
      const oldest = this.seenIds.values().next().value;
      if (oldest !== undefined) this.seenIds.delete(oldest);
    }
    this.queue.push(message);
    while (this.queue.length > this.maxQueueLength) this.queue.shift();
  }

  next(): ChatMessage | undefined {
    return this.queue.shift();
  }
}
