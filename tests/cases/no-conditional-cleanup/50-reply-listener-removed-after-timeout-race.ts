// Source: https://github.com/cmseaton42/node-ethernet-ip/issues/35
// Bug: readTagGroup added its 'Multiple Service Packet' listener inside the promise it raced against a timeout and removed it after the await; when the controller replied with an error or the timeout fired, the await threw past the removal, and repeated scans hit MaxListenersExceededWarning.
// expect: no-conditional-cleanup/cleanupSkippedOnThrow 43:7

import { EventEmitter } from 'node:events';

export interface Deadline {
  within<T>(work: Promise<T>, ms: number, error: Error): Promise<T>;
}

export interface CipChannel {
  write(message: Buffer): void;
}

type ReplyHandler = (error: Error | null, data: Buffer) => void;

const MULTI_SERVICE = 'Multiple Service Packet';

export class Controller extends EventEmitter {
  constructor(
    private readonly channel: CipChannel,
    private readonly deadline: Deadline,
  ) {
    super();
  }

  async readTagGroup(messages: readonly Buffer[]): Promise<Buffer[]> {
    const replies: Buffer[] = [];
    for (const message of messages) {
      this.channel.write(message);
      let onReply: ReplyHandler = () => undefined;
      const data = await this.deadline.within(
        new Promise<Buffer>((resolve, reject) => {
          onReply = (error, reply) => {
            if (error) reject(error);
            else resolve(reply);
          };
          this.on(MULTI_SERVICE, onReply);
        }),
        10_000,
        new Error('TIMEOUT occurred while reading Tag Group.'),
      );
      this.removeListener(MULTI_SERVICE, onReply);
      replies.push(data);
    }
    return replies;
  }
}
