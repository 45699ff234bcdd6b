// Source: https://github.com/bruce/node-temp/pull/3
// Bug: fixed twin: one exit listener, registered at module load, removes every directory still tracked.
// expect: none

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const tracked = new Set<string>();

process.addListener('exit', () => {
  for (const dir of tracked) rmSync(dir, { recursive: true, force: true });
});

export function mkdirTemp(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  tracked.add(dir);
  return dir;
}

export function removeTemp(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  tracked.delete(dir);
}
