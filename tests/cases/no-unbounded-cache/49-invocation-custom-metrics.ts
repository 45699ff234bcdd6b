// Source: https://github.com/iopipe/iopipe-js-core/issues/97
// Bug: custom metrics logged during an invocation were appended to an array that outlives the invocation and was never flushed after the report was sent, so a warm function container re-sent and retained every metric of every earlier invocation.
// expect: no-unbounded-cache/arrayNeverShrinks 13:7

export interface Metric {
  name: string;
  value: number | string;
}

export type Handler<E, R> = (event: E, context: { log(name: string, value: number | string): void }) => Promise<R>;
export type Send = (report: { duration: number; custom_metrics: { name: string; n?: number; s?: string }[] }) => Promise<void>;

const customMetrics: Metric[] = [];

function log(name: string, value: number | string): void {
  customMetrics.push({ name, value });
}

export function wrap<E, R>(handler: Handler<E, R>, send: Send): (event: E) => Promise<R> {
  return async (event) => {
    const start = Date.now();
    try {
      return await handler(event, { log });
    } finally {
      await send({
        duration: Date.now() - start,
        custom_metrics: customMetrics.map((m) =>
          typeof m.value === 'number' ? { name: m.name, n: m.value } : { name: m.name, s: m.value },
        ),
      });
    }
  };
}
