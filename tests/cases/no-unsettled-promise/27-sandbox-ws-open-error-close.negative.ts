// Source: https://github.com/trycua/cua/pull/1435
// Bug: negative: connect() wires 'open', 'error' and 'close' (the review's suggested wiring), so every outcome of the handshake settles it.
// expect: none

export function connect(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const fail = (cause?: unknown) => reject(cause instanceof Error ? cause : new Error('WebSocket closed before opening'));
    ws.addEventListener('open', () => resolve(ws), { once: true });
    ws.addEventListener('error', () => fail(), { once: true });
    ws.addEventListener('close', () => fail(), { once: true });
  });
}
