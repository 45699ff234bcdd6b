// Source: https://github.com/Baur-Software/aws-ai-agent-bus/pull/33
// Bug: fixed twin: the interval starts in initialize(), at most once, and shutdown() clears it.
// expect: none

type Subscriber = (event: string) => void;

export class EventsHandler {
  static readonly subscribers = new Map<string, { lastSeen: number; send: Subscriber }>();
  private static cleanupInterval: ReturnType<typeof setInterval> | null = null;

  static initialize(): void {
    if (!this.cleanupInterval) {
      this.cleanupInterval = setInterval(() => this.cleanup(), 30_000);
    }
  }

  static shutdown(): void {
    if (this.cleanupInterval) clearInterval(this.cleanupInterval);
    this.cleanupInterval = null;
    this.subscribers.clear();
  }

  static cleanup(): void {
    const cutoff = Date.now() - 60_000;
    for (const [id, subscriber] of this.subscribers) if (subscriber.lastSeen < cutoff) this.subscribers.delete(id);
  }
}
