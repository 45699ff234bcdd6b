// Source: https://github.com/airgram/airgram/issues/13
// Bug: fixed twin: stop() clears a polling flag that the loop checks on every pass.
// expect: none

export interface Update {
  id: number;
  type: string;
}

export interface TdClient {
  getUpdates(offset: number, timeoutSeconds: number): Promise<Update[]>;
}

export class UpdatesPoller {
  private offset = 0;
  private polling = false;

  constructor(
    private readonly client: TdClient,
    private readonly dispatch: (update: Update) => void,
  ) {}

  async startPolling(): Promise<void> {
    this.polling = true;
    for (;;) {
      const updates = await this.client.getUpdates(this.offset, 30);
      if (!this.polling) return;
      for (const update of updates) {
        this.offset = update.id + 1;
        this.dispatch(update);
      }
    }
  }

  stop(): void {
    this.polling = false;
  }
}
