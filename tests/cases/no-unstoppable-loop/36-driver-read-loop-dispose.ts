// Source: https://github.com/mfenniak/rethinkdb-net/issues/64
// Bug: the driver connection's read loop did not exit when the connection was disposed: it went on reading (and logging the failed reads) from a stream that dispose had closed (re-expressed from a C# read loop).
// expect: no-unstoppable-loop/loopOutlivesTeardown 25:5

export interface ByteStream {
  readExactly(length: number): Promise<Buffer>;
  close(): void;
}

export type ResponseHandler = (token: bigint, body: Buffer) => void;

export class DriverConnection {
  readErrors = 0;

  constructor(
    private readonly stream: ByteStream,
    private readonly onResponse: ResponseHandler,
  ) {}

  start(): void {
    void this.readLoop();
  }

  private async readLoop(): Promise<void> {
    while (true) {
      try {
        const header = await this.readHeader();
        const body = await this.stream.readExactly(header.length);
        this.onResponse(header.token, body);
      } catch (error) {
        this.readErrors += 1;
        console.error('read failed', error);
      }
    }
  }

  private async readHeader(): Promise<{ token: bigint; length: number }> {
    const bytes = await this.stream.readExactly(12);
    return { token: bytes.readBigUInt64LE(0), length: bytes.readUInt32LE(8) };
  }

  dispose(): void {
    this.stream.close();
  }
}
