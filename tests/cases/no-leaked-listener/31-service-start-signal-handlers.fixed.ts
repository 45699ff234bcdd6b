// Source: https://github.com/shenjingnan/xiaozhi-client/pull/1674
// Bug: fixed twin: as the review asks (process.once() alone still piles up), the handler is kept on the instance, the previous one is removed before a new one is added, and stop() removes it.
// expect: none

export interface McpServer {
  start(): Promise<void>;
  stop(): Promise<void>;
}

export class ServiceManager {
  private onSignal: (() => void) | undefined;

  constructor(private readonly server: McpServer) {}

  async startMcpServerMode(): Promise<void> {
    this.removeSignalHandlers();
    const onSignal = (): void => {
      void this.server.stop().finally(() => process.exit(0));
    };
    this.onSignal = onSignal;
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    await this.server.start();
  }

  async stop(): Promise<void> {
    this.removeSignalHandlers();
    await this.server.stop();
  }

  private removeSignalHandlers(): void {
    if (!this.onSignal) return;
    process.off('SIGINT', this.onSignal);
    process.off('SIGTERM', this.onSignal);
    this.onSignal = undefined;
  }
}
