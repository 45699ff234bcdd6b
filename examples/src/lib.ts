// Shared types and the service's dependencies. The dependencies are only
// declared: the demo is linted, never run.

export type Method = 'GET' | 'POST';

export interface Request {
  /** Unique per request; a client retry of the same request reuses it. */
  readonly id: string;
  readonly method: Method;
  readonly path: string;
  readonly body: string;
}

export interface Reply {
  status: number;
  body: string;
}

export type Handler = (req: Request) => Promise<Reply>;

export interface Job {
  id: string;
  payload: string;
}

export interface Result {
  jobId: string;
  output: string;
}

export interface Report {
  id: string;
  rows: string[];
}

export interface Quote {
  sku: string;
  cents: number;
}

export interface Charge {
  account: string;
  cents: number;
}

export declare function doWork(job: Job, opts?: { signal?: AbortSignal }): Promise<Result>;
export declare function fetchReport(id: string, opts?: { signal?: AbortSignal }): Promise<Report>;
export declare function priceQuote(sku: string): Promise<Quote>;
export declare function applyCharge(charge: Charge): Promise<string>;
export declare function recordEvent(payload: string): Promise<void>;

export class TimeoutError extends Error {
  constructor(readonly ms: number) {
    super(`timed out after ${String(ms)} ms`);
    this.name = 'TimeoutError';
  }
}

/** A promise that rejects with a TimeoutError after `ms`. Its timer cannot be cancelled. */
export function timeout(ms: number): Promise<never> {
  return new Promise<never>((_, reject) => {
    setTimeout(() => reject(new TimeoutError(ms)), ms);
  });
}

export function isTimeout(err: unknown): boolean {
  return err instanceof TimeoutError || (err instanceof DOMException && err.name === 'TimeoutError');
}

export function json(status: number, value: unknown): Reply {
  return { status, body: JSON.stringify(value) };
}
