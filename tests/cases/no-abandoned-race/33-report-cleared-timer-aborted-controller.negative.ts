// Source: https://github.com/Helicone/helicone/pull/5772
// Bug: none: the timer aborts the report request's controller before rejecting, and the timer id is cleared in finally when the report arrives first.
// expect: none

export interface Report {
  id: string;
  rows: unknown[];
}

declare function fetchReport(id: string, opts?: { signal?: AbortSignal }): Promise<Report>;

export async function getReport(id: string, ms = 15_000): Promise<Report> {
  const controller = new AbortController();
  let timeoutId: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      fetchReport(id, { signal: controller.signal }),
      new Promise<never>((_, reject) => {
        timeoutId = setTimeout(() => {
          controller.abort();
          reject(new Error(`report ${id} timed out`));
        }, ms);
      }),
    ]);
  } finally {
    clearTimeout(timeoutId);
  }
}
