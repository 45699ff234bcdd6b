// Source: https://github.com/bubenshchykov/ngrok/pull/179
// Bug: negative: the exit handler is set up once at module load and kills whichever tunnel processes are still running, so short-lived tunnels add nothing to process.
// expect: none

import { spawn, type ChildProcess } from 'node:child_process';

const running = new Set<ChildProcess>();

process.on('exit', () => {
  for (const child of running) child.kill();
});

export function createTunnel(port: number): { close(): void } {
  const child = spawn('tunnel-agent', ['http', String(port)]);
  running.add(child);
  child.on('exit', () => running.delete(child));
  return { close: () => child.kill() };
}
