// Source: https://github.com/linode/manager/pull/925
// Bug: the layout polled for events in an infinite `while (true)`; when the route changed and the layout unmounted, the loop kept polling and broke the page. The PR replaced it with an interval cleared on unmount.
// expect: no-unstoppable-loop/loopNeverStops 28:5

import { setTimeout as sleep } from 'node:timers/promises';

export interface LinodeEvent {
  id: number;
  action: string;
}

declare function fetchEvents(since: number): Promise<LinodeEvent[]>;

export class Layout {
  private lastEventId = 0;

  constructor(private readonly dispatch: (events: LinodeEvent[]) => void) {}

  componentDidMount(): void {
    void this.pollEvents();
  }

  componentWillUnmount(): void {
    this.lastEventId = 0;
  }

  private async pollEvents(): Promise<void> {
    while (true) {
      const events = await fetchEvents(this.lastEventId);
      if (events.length > 0) {
        this.lastEventId = events[events.length - 1]?.id ?? this.lastEventId;
        this.dispatch(events);
      }
      await sleep(5000);
    }
  }
}
