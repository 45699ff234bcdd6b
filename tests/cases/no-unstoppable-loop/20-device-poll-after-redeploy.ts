// Source: https://github.com/caseyjhol/node-red-contrib-tplink/issues/31
// Bug: after a redeploy the old client's device polling kept running next to the new one's: the node's cleanup never reached the polling loop, so every redeploy leaked another poller.
// expect: no-unstoppable-loop/loopNeverStops 25:5

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

  constructor(
    private readonly device: SmartPlug,
    private readonly send: (info: PlugInfo) => void,
  ) {}

  async startPolling(intervalMs: number): Promise<void> {
    while (true) {
      const info = await this.device.getInfo();
      if (info.relayState !== this.last?.relayState) this.send(info);
      this.last = info;
      await sleep(intervalMs);
    }
  }

  stopPolling(): void {
    this.last = null;
  }
}
