// Source: https://github.com/stephenhouser/node-red-contrib-flexradio/issues/14
// Bug: fixed (*idiomatic*, what the issue proposes): the reply handler releases the entry once its callback has been found, and disconnecting drops the requests that will never be answered.
// expect: none

export interface LineSocket {
  write(line: string): void;
  end(): void;
}

type ReplyCallback = (code: number, message: string) => void;

interface PendingRequest {
  command: string;
  sentAt: number;
  callback?: ReplyCallback;
}

export class Radio {
  private sequence = 0;
  private readonly requests: Record<number, PendingRequest> = {};

  constructor(private readonly socket: LineSocket) {}

  send(command: string, callback?: ReplyCallback): number {
    const seq = ++this.sequence;
    this.requests[seq] = { command, sentAt: Date.now(), callback };
    this.socket.write(`C${seq}|${command}\n`);
    return seq;
  }

  receive(line: string): void {
    const match = /^R(\d+)\|([0-9A-F]+)\|(.*)$/.exec(line);
    if (!match) return;
    const seq = Number(match[1]);
    const request = this.requests[seq];
    delete this.requests[seq];
    request?.callback?.(parseInt(match[2] ?? '0', 16), match[3] ?? '');
  }

  disconnect(): void {
    for (const seq of Object.keys(this.requests)) delete this.requests[Number(seq)];
    this.socket.end();
  }
}
