// Source: https://github.com/lastmile-ai/aiconfig/pull/281
// Bug: fixed twin: each iteration keeps its timer id and clears it in finally, and each callback gets a signal aborted in finally.
// expect: none

export interface CallbackEvent {
  name: string;
  data: unknown;
}

export type Callback = (event: CallbackEvent, signal: AbortSignal) => Promise<void>;

export class CallbackManager {
  constructor(
    private readonly callbacks: Callback[],
    private readonly timeoutSecs = 5,
  ) {}

  async runCallbacks(event: CallbackEvent): Promise<void> {
    for (const callback of this.callbacks) {
      const controller = new AbortController();
      let timer: ReturnType<typeof setTimeout> | undefined;
      try {
        await Promise.race([
          callback(event, controller.signal),
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error('Timeout')), this.timeoutSecs * 1000);
          }),
        ]);
      } finally {
        clearTimeout(timer);
        controller.abort();
      }
    }
  }
}
