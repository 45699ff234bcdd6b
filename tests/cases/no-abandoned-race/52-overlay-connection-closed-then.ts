// Source: https://github.com/apache/maka/pull/5153
// Bug: each overlay was raced against `connection.closed.then(...)`; the reaction added to the connection-lifetime promise retained the race result, so every prepared overlay stayed in memory until disconnect.
// expect: no-abandoned-race/raceInLoop 20:28

export interface Overlay {
  id: string;
  layers: string[];
}

export interface Connection {
  readonly closed: Promise<void>;
  overlays(): AsyncIterable<Overlay>;
  send(overlay: Overlay): Promise<void>;
}

declare function prepareOverlay(overlay: Overlay): Promise<Overlay>;

export async function streamOverlays(connection: Connection): Promise<void> {
  for await (const overlay of connection.overlays()) {
    const prepared = await Promise.race([
      prepareOverlay(overlay),
      connection.closed.then(() => {
        throw new Error(`connection closed while preparing overlay ${overlay.id}`);
      }),
    ]);
    await connection.send(prepared);
  }
}
