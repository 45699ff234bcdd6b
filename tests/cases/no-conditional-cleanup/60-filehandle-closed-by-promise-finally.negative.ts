// Source: https://github.com/nodejs/node/pull/37393
// Bug: none: like Node's own fs/promises readFile in that PR, the handle is closed in a `.finally()` on the read, which runs whether the read resolves or rejects, and nothing that can throw runs between the open and that chain.
// expect: none

import { open, type FileHandle } from 'node:fs/promises';

async function readAll(handle: FileHandle): Promise<string> {
  const chunks: Buffer[] = [];
  const buffer = Buffer.alloc(64 * 1024);
  for (;;) {
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
    if (bytesRead === 0) break;
    chunks.push(Buffer.from(buffer.subarray(0, bytesRead)));
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function readText(path: string): Promise<string> {
  const handle = await open(path, 'r');
  return readAll(handle).finally(() => handle.close());
}
