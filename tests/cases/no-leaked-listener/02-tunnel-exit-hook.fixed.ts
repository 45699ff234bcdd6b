// Source: https://github.com/bubenshchykov/ngrok/pull/179
// Bug: fixed twin: closing the tunnel also removes its exit handler.
// expect: none

import { spawn, type ChildProcess } from 'node:child_process';

export interface Tunnel {
  url: string;
  close(): void;
}

export function createTunnel(port: number): Tunnel {
  const child: ChildProcess = spawn('tunnel-agent', ['http', String(port)]);
  const kill = (): void => {
    child.kill();
  };
  process.on('exit', kill);
  return {
    url: `https://localhost:${port}`,
    close: () => {
      process.removeListener('exit', kill);
      child.kill();
    },
  };
}
