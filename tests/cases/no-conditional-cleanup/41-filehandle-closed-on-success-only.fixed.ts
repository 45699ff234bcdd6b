// Source: https://github.com/ok/mirall/pull/23
// Bug: fixed as in the PR: the close runs in a finally, so a failing read still gives the descriptor back before returning null.
// expect: none

import { open, type FileHandle } from 'node:fs/promises';

export interface ChunkLocation {
  path: string;
  offset: number;
  length: number;
}

export class TransferManager {
  private served = 0;

  get chunksServed(): number {
    return this.served;
  }

  async readChunk(chunk: ChunkLocation): Promise<Buffer | null> {
    let handle: FileHandle | undefined;
    try {
      handle = await open(chunk.path, 'r');
      const buffer = Buffer.alloc(chunk.length);
      const { bytesRead } = await handle.read(buffer, 0, chunk.length, chunk.offset);
      this.served += 1;
      return buffer.subarray(0, bytesRead);
    } catch {
      return null;
    } finally {
      await handle?.close();
    }
  }
}
