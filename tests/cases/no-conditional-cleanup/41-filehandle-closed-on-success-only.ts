// Source: https://github.com/ok/mirall/pull/23
// Bug: readChunk opened the file inside the try and closed it only after a successful read; a read that threw fell into `catch { return null }` with the descriptor still open, leaking one per failing chunk until the worker could open nothing.
// expect: no-conditional-cleanup/cleanupSkippedOnSomePaths 25:13

import { open } from 'node:fs/promises';

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
    try {
      const handle = await open(chunk.path, 'r');
      const buffer = Buffer.alloc(chunk.length);
      const { bytesRead } = await handle.read(buffer, 0, chunk.length, chunk.offset);
      await handle.close();
      this.served += 1;
      return buffer.subarray(0, bytesRead);
    } catch {
      return null;
    }
  }
}
