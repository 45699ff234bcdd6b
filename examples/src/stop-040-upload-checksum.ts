// Stop 040 (a promise with no way to settle on failure): each upload is hashed
// from disk before it is stored. The checksum promise resolves on the stream's
// 'end' and nothing listens for 'error'.
// Leak: when the file is missing or unreadable the stream emits 'error', 'end'
// never comes, and the await below never returns: the request, its buffers and
// the handler's closure stay in memory for as long as the process lives.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export function checksum(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    const stream = createReadStream(path);
    stream.on('data', (chunk) => hash.update(chunk));
    stream.on('end', () => resolve(hash.digest('hex')));
  });
}

export async function verifyUpload(path: string, expected: string): Promise<boolean> {
  return (await checksum(path)) === expected;
}
