// Source: https://github.com/npm/write-file-atomic/pull/53
// Bug: writeFileAsync set its descriptor to null right after fsync, and the finally only closed a non-null descriptor, so every successful write leaked an open (and later deleted) temp file.
// expect: no-conditional-cleanup/cleanupSkippedOnSomePaths 28:13

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
    handle = null;
    await rename(tmpfile, target);
  } finally {
    if (handle) {
      await handle.close();
    }
    await rm(tmpfile, { force: true });
  }
}
