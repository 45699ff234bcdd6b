// Source: https://github.com/bruce/node-temp/pull/3
// Bug: every temporary directory registered its own process exit listener to delete it, so programs that made many temp dirs hit the listener-leak warning.
// expect: no-leaked-listener/inlineListenerNeverRemoved 11:3

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export function mkdirTemp(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  process.addListener('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
