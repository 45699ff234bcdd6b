// Source: https://github.com/linode/manager/pull/925
// Bug: fixed twin: unmounting clears the poll flag, and the loop leaves when it sees it cleared.
// expect: none

import { setTimeout as sleep } from 'node:timers/promises';

export interface LinodeEvent {
  id: number;
  action: string;
}

declare function fetchEvents(since: number): Promise<LinodeEvent[]>;

export class Layout {
  private lastEventId = 0;
  private shouldPoll = false;

  constructor(private readonly dispatch: (events: LinodeEvent[]) => void) {}

  componentDidMount(): void {
    this.shouldPoll = true;
    void this.pollEvents();
  }

  componentWillUnmount(): void {
    this.shouldPoll = false;
  }

  private async pollEvents(): Promise<void> {
    while (true) {
      if (!this.shouldPoll) break;
      const events = await fetchEvents(this.lastEventId);
      if (events.length > 0) {
        this.lastEventId = events[events.length - 1]?.id ?? this.lastEventId;
        this.dispatch(events);
      }
      await sleep(5000);
    }
  }
}
