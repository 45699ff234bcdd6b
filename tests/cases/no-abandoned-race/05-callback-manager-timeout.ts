// Source: https://github.com/lastmile-ai/aiconfig/pull/281
// Bug: every callback was raced against a rejecting setTimeout that stayed armed after the callback resolved, so Jest reported open Timeout handles and would not exit.
// expect: no-abandoned-race/timerNeverCleared 21:13
// expect: no-abandoned-race/workNeverAborted 21:13

export interface CallbackEvent {
  name: string;
  data: unknown;
}

export type Callback = (event: CallbackEvent) => Promise<void>;

export class CallbackManager {
  constructor(
    private readonly callbacks: Callback[],
    private readonly timeoutSecs = 5,
  ) {}

  async runCallbacks(event: CallbackEvent): Promise<void> {
    for (const callback of this.callbacks) {
      await Promise.race([
        callback(event),
        new Promise<never>((_, reject) => {
          setTimeout(() => reject(new Error('Timeout')), this.timeoutSecs * 1000);
        }),
      ]);
    }
  }
}
