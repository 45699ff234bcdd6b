// Source: https://github.com/npm/write-file-atomic/pull/53
// Bug: fixed as in the PR: the descriptor is closed before it is set to null, and the finally still closes it when anything before that threw.
// expect: none

import { open, rename, rm, type FileHandle } from 'node:fs/promises';

export interface WriteOptions {
  mode?: number;
  fsync?: boolean;
}

let sequence = 0;

export async function writeFileAtomic(target: string, data: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  sequence += 1;
  const tmpfile = `${target}.${String(process.pid)}.${String(sequence)}.tmp`;
  let handle: FileHandle | null = null;
  try {
    handle = await open(tmpfile, 'w', options.mode ?? 0o666);
    await handle.writeFile(data);
    if (options.fsync !== false) {
      await handle.sync();
    }
    await handle.close();
    handle = null;
    await rename(tmpfile, target);
  } finally {
    if (handle) {
      await handle.close();
    }
    await rm(tmpfile, { force: true });
  }
}
