// Source: https://github.com/ueberdosis/hocuspocus/blob/3ec608445b8e024e15759504cca9ff1f7b09edf8/packages/server/src/Server.ts
// Bug: negative: a server's shutdown waits for its documents to unload; the first statement of the `try` hands `resolve` to an extension hook that runs when the last document unloads, and nothing before it can throw, so the `catch` is reached only after the hand-off.
// expect: none

interface UnloadHook {
  afterUnloadDocument(payload: { remaining: () => number }): Promise<void>;
}

interface Documents {
  count(): number;
  closeAll(): void;
  flushPendingStores(): void;
}

export class CollaborationServer {
  constructor(
    private readonly configuration: { hooks: UnloadHook[] },
    private readonly documents: Documents,
    private readonly stopListening: () => void,
  ) {}

  private closing: Promise<void> | undefined;

  shutdown(): Promise<void> {
    // Repeated signals wait for the same shutdown.
    this.closing ??= this.runShutdown();
    return this.closing;
  }

  private async runShutdown(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.stopListening();
      try {
        this.configuration.hooks.push({
          async afterUnloadDocument({ remaining }) {
            if (remaining() === 0) resolve();
          },
        });
        if (this.documents.count() === 0) resolve();
        this.documents.closeAll();
        this.documents.flushPendingStores();
      } catch (error) {
        console.error(error);
      }
    });
  }
}
