// Source: https://github.com/solvelab/keeping-an-eye-on-the-chat/issues/9
// Bug: none by this rule: the set is emptied in close(); the rule counts any clear() as a bound (the issue notes chatSource.stop() clearing its set, which the rule accepts).
// expect: none

export interface ChatMessage {
  id: string;
  text: string;
}

export class ChatSource {
  private readonly seenIds = new Set<string>();
  private readonly listeners: Array<(message: ChatMessage) => void> = [];

  onMessage(listener: (message: ChatMessage) => void): void {
    this.listeners.push(listener);
  }

  deliver(message: ChatMessage): void {
    if (this.seenIds.has(message.id)) return;
    this.seenIds.add(message.id);
    for (const listener of this.listeners) listener(message);
  }

  close(): void {
    this.seenIds.clear();
    this.listeners.length = 0;
  }
}
