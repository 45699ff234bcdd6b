// Stop 040, fixed: the checksum rejects when the stream fails, so a missing or
// unreadable upload surfaces as an error instead of a request that never ends.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export function checksum(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    const stream = createReadStream(path);
    stream.on('data', (chunk) => hash.update(chunk));
    stream.on('end', () => resolve(hash.digest('hex')));
    stream.once('error', reject);
  });
}

export async function verifyUpload(path: string, expected: string): Promise<boolean> {
  return (await checksum(path)) === expected;
}
