// Source: https://github.com/shenjingnan/xiaozhi-client/pull/1674
// Bug: ServiceManager registered SIGINT and SIGTERM handlers with process.on() in each start method and never removed them, so every start (many in tests) added two more and Node warned of a leak.
// expect: no-leaked-listener/listenerNeverRemoved 18:5
// expect: no-leaked-listener/listenerNeverRemoved 19:5

export interface McpServer {
  start(): Promise<void>;
  stop(): Promise<void>;
}

export class ServiceManager {
  constructor(private readonly server: McpServer) {}

  async startMcpServerMode(): Promise<void> {
    const cleanup = (): void => {
      void this.server.stop().finally(() => process.exit(0));
    };
    process.on('SIGINT', cleanup);
    process.on('SIGTERM', cleanup);
    await this.server.start();
  }
}
