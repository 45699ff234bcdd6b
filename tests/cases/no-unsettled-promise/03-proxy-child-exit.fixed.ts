// Source: https://github.com/juspay/neurolink/pull/1441
// Bug: fixed twin: the wait also settles on 'error', so a child that never starts rejects instead of hanging.
// expect: none

import { spawn } from 'node:child_process';

export async function runExpose(binary: string, args: string[]): Promise<void> {
  const child = spawn(binary, args, { stdio: 'inherit' });
  await new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) process.exitCode = code ?? 1;
      resolve();
    });
  });
}
