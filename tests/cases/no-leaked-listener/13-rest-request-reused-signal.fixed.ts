// Source: https://github.com/discordjs/discord.js/pull/11594
// Bug: fixed twin: the listener is named and removed in finally.
// expect: none

export class RequestManager {
  constructor(private readonly baseUrl: string) {}

  async request(route: string, signal?: AbortSignal): Promise<unknown> {
    const controller = new AbortController();
    const onAbort = (): void => controller.abort(signal?.reason);
    if (signal) {
      if (signal.aborted) controller.abort(signal.reason);
      else signal.addEventListener('abort', onAbort);
    }
    try {
      const response = await fetch(`${this.baseUrl}${route}`, { signal: controller.signal });
      return await response.json();
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }
}
