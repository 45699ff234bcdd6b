// Source: https://github.com/modal-labs/libmodal/pull/280
// Bug: negative: a `while (true)` over a stream reader returns when read() reports done, which a reader.cancel() from the consumer produces; skipping empty chunks with `continue` still goes through the next read, so cancelling ends the loop.
// expect: none

export async function collectLines(stream: ReadableStream<Uint8Array>, onLine: (line: string) => void): Promise<number> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let pending = '';
  let count = 0;
  while (true) {
    const { done, value } = await reader.read();
    if (done) {
      if (pending) onLine(pending);
      return count;
    }
    if (value.byteLength === 0) continue;
    pending += decoder.decode(value, { stream: true });
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      onLine(line);
      count += 1;
    }
  }
}
