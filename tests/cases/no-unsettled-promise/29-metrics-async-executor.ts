// Source: https://github.com/novuhq/novu/issues/12094
// Bug: the metrics worker wrapped its collection in `new Promise(async (resolve, reject) => …)`: queue errors were caught and rejected, but when recording a metric failed the async executor's rejection was lost, the outer promise never settled and the job slot hung.
// expect: no-unsettled-promise/executorPathNeverSettles 22:12

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

  collect(): Promise<void> {
    return new Promise<void>(async (resolve, reject) => {
      let fatal: unknown;
      const counts: Array<[string, number]> = [];
      for (const queue of this.queues) {
        try {
          counts.push([`${queue.name}.waiting`, await queue.waitingCount()]);
          counts.push([`${queue.name}.active`, await queue.activeCount()]);
        } catch (error) {
          fatal = error;
        }
      }
      if (fatal) {
        reject(fatal instanceof Error ? fatal : new Error(String(fatal)));
        return;
      }
      for (const [name, value] of counts) await this.metrics.record(name, value);
      resolve();
    });
  }
}
