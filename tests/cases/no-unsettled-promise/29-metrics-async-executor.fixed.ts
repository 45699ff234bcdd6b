// Source: https://github.com/novuhq/novu/issues/12094
// Bug: fixed twin (idiomatic fix): the collection is a plain async function, so any failure, including a failed metric write, rejects the returned promise.
// expect: none

export interface QueueCounter {
  name: string;
  waitingCount(): Promise<number>;
  activeCount(): Promise<number>;
}

export interface MetricSink {
  record(name: string, value: number): Promise<void>;
}

export class ActiveJobsMetric {
  constructor(
    private readonly queues: readonly QueueCounter[],
    private readonly metrics: MetricSink,
  ) {}

  async collect(): Promise<void> {
    const counts: Array<[string, number]> = [];
    for (const queue of this.queues) {
      counts.push([`${queue.name}.waiting`, await queue.waitingCount()]);
      counts.push([`${queue.name}.active`, await queue.activeCount()]);
    }
    for (const [name, value] of counts) await this.metrics.record(name, value);
  }
}
