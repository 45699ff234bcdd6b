// Source: https://github.com/openclaw/openclaw/pull/61565
// Bug: none: shutdown races the server's close notification once against a grace timer that is cleared in finally; the notification is not work that could be abandoned, and clients still open when the grace ends are terminated.
// expect: none
// not yet: a long-lived notification raced once (`whenClosed()`) is taken for work that cannot be aborted

export interface GatewayClient {
  terminate(): void;
}

export interface GatewayServer {
  close(): void;
  /** Resolves once the server has closed its socket; it does no work of its own. */
  whenClosed(): Promise<void>;
  clients(): Iterable<GatewayClient>;
}

export async function shutdownGateway(server: GatewayServer, graceMs: number): Promise<boolean> {
  server.close();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const outcome = await Promise.race([
      server.whenClosed().then(() => 'closed' as const),
      new Promise<'grace'>((resolve) => {
        timer = setTimeout(() => resolve('grace'), graceMs);
      }),
    ]);
    if (outcome === 'closed') return true;
    for (const client of server.clients()) client.terminate();
    return false;
  } finally {
    clearTimeout(timer);
  }
}
