// Source: https://github.com/discordjs/discord.js/pull/11594
// Bug: reusing one AbortSignal for many REST requests added an 'abort' listener per request that was never removed.
// expect: no-leaked-listener/inlineListenerNeverRemoved 12:12

export class RequestManager {
  constructor(private readonly baseUrl: string) {}

  async request(route: string, signal?: AbortSignal): Promise<unknown> {
    const controller = new AbortController();
    if (signal) {
      if (signal.aborted) controller.abort(signal.reason);
      else signal.addEventListener('abort', () => controller.abort(signal.reason));
    }
    const response = await fetch(`${this.baseUrl}${route}`, { signal: controller.signal });
    return response.json();
  }
}
