// Source: https://github.com/Baur-Software/aws-ai-agent-bus/pull/33
// Bug: a cleanup interval was started at module load and never cleared, so it kept running after the server shut down and held the process open.
// expect: no-leaked-timer/intervalNeverCleared 16:1

type Subscriber = (event: string) => void;

export class EventsHandler {
  static readonly subscribers = new Map<string, { lastSeen: number; send: Subscriber }>();

  static cleanup(): void {
    const cutoff = Date.now() - 60_000;
    for (const [id, subscriber] of this.subscribers) if (subscriber.lastSeen < cutoff) this.subscribers.delete(id);
  }
}

setInterval(() => {
  EventsHandler.cleanup();
}, 30_000);
