// Source: https://github.com/juspay/neurolink/pull/1441
// Bug: the CLI awaited a promise resolved only on the child's 'exit'; a spawn failure (ENOENT) emits 'error' and never 'exit', so the command hung.
// expect: no-unsettled-promise/errorNotListened 10:5

import { spawn } from 'node:child_process';

export async function runExpose(binary: string, args: string[]): Promise<void> {
  const child = spawn(binary, args, { stdio: 'inherit' });
  await new Promise<void>((resolve) => {
    child.on('exit', (code) => {
      if (code !== 0) process.exitCode = code ?? 1;
      resolve();
    });
  });
}
