// Source: https://github.com/Kilo-Org/kilocode/pull/5900
// Bug: attemptApiRequest removed its abort listener with sequential code after the try/catch, but the catch left through several returns and throws (retries, rethrows), so every failed request leaked a listener on the task's signal and retries piled them up.
// expect: no-conditional-cleanup/cleanupSkippedOnSomePaths 35:5

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
    let text: string;
    try {
      text = await this.api.send(prompt, controller.signal);
    } catch (error) {
      if (signal.aborted) {
        throw new Error('request aborted during retry', { cause: error });
      }
      if (error instanceof RetryableError && attempt < this.maxRetries) {
        return this.attemptApiRequest(prompt, signal, attempt + 1);
      }
      throw error;
    }
    signal.removeEventListener('abort', onAbort);
    return text;
  }
}
