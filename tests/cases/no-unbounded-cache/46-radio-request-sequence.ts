// Source: https://github.com/stephenhouser/node-red-contrib-flexradio/issues/14
// Bug: every command sent to the radio adds an entry to the connection's `requests` dictionary keyed by sequence number so the reply can find its callback, and the entries are never released after the callback has run.
// expect: no-unbounded-cache/objectNeverShrinks 20:20

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
    const request = this.requests[Number(match[1])];
    request?.callback?.(parseInt(match[2] ?? '0', 16), match[3] ?? '');
  }

  disconnect(): void {
    this.socket.end();
  }
}
