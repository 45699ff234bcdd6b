// Source: https://github.com/apache/maka/pull/5153
// Bug: fixed twin: the connection's end is an AbortSignal; each wait adds an abort listener and removes it as soon as the overlay is ready (the PR's waitForConnectionOpen), so nothing is left on a connection-lifetime object.
// expect: none

export interface Overlay {
  id: string;
  layers: string[];
}

export interface Connection {
  readonly closedSignal: AbortSignal;
  overlays(): AsyncIterable<Overlay>;
  send(overlay: Overlay): Promise<void>;
}

declare function prepareOverlay(overlay: Overlay): Promise<Overlay>;

function unlessClosed<T>(task: Promise<T>, closed: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onClose = (): void => reject(new Error('connection closed while preparing an overlay'));
    if (closed.aborted) {
      onClose();
      return;
    }
    closed.addEventListener('abort', onClose);
    task.then(resolve, reject).finally(() => closed.removeEventListener('abort', onClose));
  });
}

export async function streamOverlays(connection: Connection): Promise<void> {
  for await (const overlay of connection.overlays()) {
    const prepared = await unlessClosed(prepareOverlay(overlay), connection.closedSignal);
    await connection.send(prepared);
  }
}
