// Source: https://github.com/airgram/airgram/issues/13
// Bug: after `startPolling()` the update loop could not be stopped: neither `stop()` nor `destroy()` reached it, so Jest reported that something was still running after the tests.
// expect: no-unstoppable-loop/loopOutlivesTeardown 23:5

export interface Update {
  id: number;
  type: string;
}

export interface TdClient {
  getUpdates(offset: number, timeoutSeconds: number): Promise<Update[]>;
}

export class UpdatesPoller {
  private offset = 0;

  constructor(
    private readonly client: TdClient,
    private readonly dispatch: (update: Update) => void,
  ) {}

  async startPolling(): Promise<void> {
    for (;;) {
      const updates = await this.client.getUpdates(this.offset, 30);
      for (const update of updates) {
        this.offset = update.id + 1;
        this.dispatch(update);
      }
    }
  }

  stop(): void {
    this.offset = 0;
  }
}
