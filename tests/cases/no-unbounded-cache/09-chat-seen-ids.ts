// Source: https://github.com/solvelab/keeping-an-eye-on-the-chat/issues/9
// Bug: the overlay's display controller dedupes chat messages with a Set of ids, assigned in the constructor and fed on every enqueue, that is never pruned, so a multi-hour stream retains every message id.
// expect: no-unbounded-cache/mapNeverShrinks 13:11

export interface ChatMessage {
  id: string;
  user: string;
  text: string;
}

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
    this.queue.push(message);
    while (this.queue.length > this.maxQueueLength) this.queue.shift();
  }

  next(): ChatMessage | undefined {
    return this.queue.shift();
  }
}
