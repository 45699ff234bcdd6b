// Source: https://github.com/caseyjhol/node-red-contrib-tplink/issues/31
// Bug: fixed twin: stopPolling() aborts the poller's controller, and the loop checks it on every pass.
// expect: none

import { setTimeout as sleep } from 'node:timers/promises';

export interface PlugInfo {
  relayState: 0 | 1;
  power: number;
}

export interface SmartPlug {
  getInfo(): Promise<PlugInfo>;
}

export class DevicePoller {
  private last: PlugInfo | null = null;
  private controller = new AbortController();

  constructor(
    private readonly device: SmartPlug,
    private readonly send: (info: PlugInfo) => void,
  ) {}

  async startPolling(intervalMs: number): Promise<void> {
    const { signal } = this.controller;
    while (true) {
      if (signal.aborted) return;
      const info = await this.device.getInfo();
      if (info.relayState !== this.last?.relayState) this.send(info);
      this.last = info;
      await sleep(intervalMs, undefined, { signal }).catch(() => undefined);
    }
  }

  stopPolling(): void {
    this.controller.abort();
    this.controller = new AbortController();
  }
}
