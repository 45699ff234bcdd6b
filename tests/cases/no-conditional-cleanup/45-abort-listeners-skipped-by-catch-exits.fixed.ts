// Source: https://github.com/Kilo-Org/kilocode/pull/5900
// Bug: fixed as in the PR: an outer try/finally removes the abort listener on every exit of the catch as well as on success.
// expect: none

export interface ApiClient {
  send(prompt: string, signal: AbortSignal): Promise<string>;
}

export class RetryableError extends Error {}

export class TaskRunner {
  constructor(
    private readonly api: ApiClient,
    private readonly maxRetries: number,
  ) {}

  async attemptApiRequest(prompt: string, signal: AbortSignal, attempt = 0): Promise<string> {
    const controller = new AbortController();
    const onAbort = (): void => {
      controller.abort(signal.reason);
    };
    signal.addEventListener('abort', onAbort);
    try {
      try {
        return await this.api.send(prompt, controller.signal);
      } catch (error) {
        if (signal.aborted) {
          throw new Error('request aborted during retry', { cause: error });
        }
        if (error instanceof RetryableError && attempt < this.maxRetries) {
          return await this.attemptApiRequest(prompt, signal, attempt + 1);
        }
        throw error;
      }
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }
}
