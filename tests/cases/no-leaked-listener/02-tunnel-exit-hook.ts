// Source: https://github.com/bubenshchykov/ngrok/pull/179
// Bug: every short-lived tunnel bound another process 'exit' handler, so after ten tunnels Node warned about 11 exit listeners on process.
// expect: no-leaked-listener/listenerNeverRemoved 17:3

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
  return { url: `https://localhost:${port}`, close: () => child.kill() };
}
