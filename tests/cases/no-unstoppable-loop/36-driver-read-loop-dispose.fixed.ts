// Source: https://github.com/mfenniak/rethinkdb-net/issues/64
// Bug: fixed twin (idiomatic fix): dispose() sets a flag and the read loop leaves on it, including when the read fails because dispose closed the stream.
// expect: none

export interface ByteStream {
  readExactly(length: number): Promise<Buffer>;
  close(): void;
}

export type ResponseHandler = (token: bigint, body: Buffer) => void;

export class DriverConnection {
  readErrors = 0;
  private disposed = false;

  constructor(
    private readonly stream: ByteStream,
    private readonly onResponse: ResponseHandler,
  ) {}

  start(): void {
    void this.readLoop();
  }

  private async readLoop(): Promise<void> {
    while (true) {
      if (this.disposed) break;
      try {
        const header = await this.readHeader();
        const body = await this.stream.readExactly(header.length);
        this.onResponse(header.token, body);
      } catch (error) {
        if (this.disposed) break;
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
    this.disposed = true;
    this.stream.close();
  }
}
